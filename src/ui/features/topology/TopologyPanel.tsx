import { useCallback, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import type { Selected } from "./drawStatic";
import { TopologyA11y } from "./TopologyA11y";
import { useTopologyView } from "./useTopologyView";
import "./topology.css";

/**
 * The cluster as a diagram: Services above, nodes with their data plane and
 * pods below, the selected packet walking its trace. d3 draws and animates
 * inside `host`; React only owns the container and the accessible layer.
 */
export function TopologyPanel() {
  const t = useT();
  const view = useAppStore((s) => s.view);
  const panel = useRef<HTMLElement>(null);
  const host = useRef<HTMLDivElement>(null);

  const onSelect = useCallback((s: Selected) => {
    panel.current
      ?.querySelector<HTMLButtonElement>(`[data-topo-id="${CSS.escape(`${s.kind}:${s.key}`)}"]`)
      ?.focus();
  }, []);
  const handle = useTopologyView(host, onSelect);
  const onFocusItem = useCallback((id: string | null) => handle.current?.highlight(id), [handle]);
  const onReveal = useCallback((id: string) => handle.current?.reveal(id), [handle]);

  return (
    <section
      ref={panel}
      className="topology-panel"
      aria-label={t("topology.region")}
      id="topology"
      tabIndex={-1}
    >
      <div ref={host} className="topo-canvas-host" />
      {view && view.nodes.length === 0 ? <p className="topo-empty">{t("topology.empty")}</p> : null}
      {view ? <TopologyA11y view={view} onFocusItem={onFocusItem} onReveal={onReveal} /> : null}
    </section>
  );
}
