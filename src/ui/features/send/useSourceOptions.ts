import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

/** Pods offered as sources: a select of thousands of options is slow to build and useless to scroll. */
export const MAX_POD_SOURCES = 200;

/**
 * Sources a packet can start from: running pods (user pods first, at most
 * `MAX_POD_SOURCES`), nodes, an outside client.
 */
export function useSourceOptions() {
  const t = useT();
  const { pods, nodes } = useAppStore(
    useShallow((s) => ({ pods: s.view?.pods ?? EMPTY, nodes: s.view?.nodes ?? EMPTY_NODES })),
  );
  return useMemo(() => {
    const running = pods.filter((p) => p.ip && p.status === "Running");
    const user = running.filter((p) => p.namespace !== "kube-system");
    const system = running.filter((p) => p.namespace === "kube-system");
    return [
      ...[...user, ...system].slice(0, MAX_POD_SOURCES).map((p) => ({
        value: `pod:${p.namespace}/${p.name}`,
        label: `${p.namespace}/${p.name} (${p.ip})`,
      })),
      ...nodes.map((n) => ({
        value: `node:${n.name}`,
        label: `${t("send.nodePrefix", { name: n.name })} (${n.internalIP})`,
      })),
      { value: "external", label: t("send.external") },
    ];
  }, [pods, nodes, t]);
}

const EMPTY: never[] = [];
const EMPTY_NODES: never[] = [];
