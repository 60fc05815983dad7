import { memo, type Ref, type RefObject, useEffect, useImperativeHandle, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { PodView, TopologyView } from "../../../engine/view/topology";
import { useT } from "../../i18n/useT";
import { serviceTotal } from "./serviceTotal";

/** Services listed per page: ten thousand buttons would take seconds to build and to walk. */
export const A11Y_SERVICE_PAGE = 50;
/** A node's pods listed per page: thousands of buttons would weigh on every layout of the page. */
export const A11Y_POD_PAGE = 50;
/**
 * Nodes (each with its first page of pods) added to the layer per frame: a big cluster's layer is
 * some ten thousand boxes to style and lay out, which in one frame is a long task of its own.
 */
export const A11Y_NODES_PER_FRAME = 2;

export interface TopologyA11yHandle {
  /** Focuses the item `kind:key` (a glyph clicked in the picture), listing its node's pods up to it. */
  select(id: string): void;
}

interface Props {
  view: TopologyView;
  /** `kind:key` of the focused item, or null when focus leaves. */
  onFocusItem: (id: string | null) => void;
  /** Enter or click: bring the item into view in the diagram. */
  onReveal: (id: string) => void;
  ref?: Ref<TopologyA11yHandle>;
}

/**
 * The diagram for screen readers and keyboards: every Service, node and pod
 * as a named button, nodes holding their pods (Services a page at a time,
 * with a button for the next page; a node's pods the same way). Focus rings the glyph in the picture;
 * Enter zooms to it.
 */
export const TopologyA11y = memo(function TopologyA11y({ view, onFocusItem, onReveal, ref }: Props) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(A11Y_SERVICE_PAGE);
  /** Pods listed per node, where more than the first page was asked for. */
  const [podsShown, setPodsShown] = useState<Record<string, number>>({});
  const [nodesListed, setNodesListed] = useNodesOverFrames(view, root);
  const services = view.services.slice(0, shown);
  // Listed on request, a page at a time; beyond what the view carries, a count.
  const nextPage = Math.min(view.services.length - services.length, A11Y_SERVICE_PAGE);
  const rest = serviceTotal(view) - services.length;
  const byNode = new Map<string, PodView[]>();
  for (const p of view.pods) {
    if (!p.node) continue;
    const on = byNode.get(p.node);
    if (on) on.push(p);
    else byNode.set(p.node, [p]);
  }
  const podsOn = (node: string) => byNode.get(node) ?? [];
  const podsListed = (node: string) => podsShown[node] ?? A11Y_POD_PAGE;
  const focusItem = (id: string) =>
    root.current?.querySelector<HTMLButtonElement>(`[data-topo-id="${CSS.escape(id)}"]`)?.focus();
  useImperativeHandle(ref, () => ({
    select(id) {
      const pod = view.pods.find((p) => `pod:${p.namespace}/${p.name}` === id);
      const node = pod?.node ?? (id.startsWith("node:") ? id.slice("node:".length) : undefined);
      const nodeAt = view.nodes.findIndex((n) => n.name === node);
      // Listed before focusing, its node too if the layer has not reached it yet.
      if (nodeAt >= nodesListed) flushSync(() => setNodesListed(nodeAt + 1));
      const at = pod?.node ? podsOn(pod.node).indexOf(pod) : -1;
      if (pod?.node && at >= podsListed(pod.node)) {
        const node = pod.node;
        const pages = Math.ceil((at + 1) / A11Y_POD_PAGE);
        // Listed before focusing: the button must exist when focus moves to it.
        flushSync(() => setPodsShown((s) => ({ ...s, [node]: pages * A11Y_POD_PAGE })));
      }
      focusItem(id);
    },
  }));
  const podState = (p: PodView) =>
    p.ready
      ? t("topology.ready")
      : `${t("topology.notReady")}${p.status === "Running" ? "" : ` (${p.status})`}`;
  const item = (id: string, label: string) => (
    <button
      type="button"
      data-topo-id={id}
      aria-label={label}
      onFocus={() => onFocusItem(id)}
      onBlur={() => onFocusItem(null)}
      onClick={() => onReveal(id)}
    >
      {label}
    </button>
  );
  /** The button listing a node's next page of pods, while some are not listed. */
  const morePods = (node: string) => {
    const listed = podsListed(node);
    const rest = podsOn(node).length - listed;
    if (rest <= 0) return null;
    return (
      <li>
        <button
          type="button"
          onClick={() => {
            // Focus moves on to the first pod the page lists (this button goes once all are listed).
            flushSync(() => setPodsShown((s) => ({ ...s, [node]: listed + A11Y_POD_PAGE })));
            const next = podsOn(node)[listed];
            if (next) focusItem(`pod:${next.namespace}/${next.name}`);
          }}
        >
          {t("topology.showMorePods", { count: Math.min(rest, A11Y_POD_PAGE), rest, node })}
        </button>
      </li>
    );
  };
  return (
    // Busy while nodes are still being listed: assistive technology waits for the whole list.
    <div className="topo-a11y" ref={root} aria-busy={nodesListed < view.nodes.length || undefined}>
      <ul>
        {services.map((s) => (
          <li key={`${s.namespace}/${s.name}`}>
            {item(
              `service:${s.namespace}/${s.name}`,
              t("topology.service", {
                name: s.namespace === "default" ? s.name : `${s.name}.${s.namespace}`,
                type: s.type,
                ip: s.externalName ?? (s.headless ? "None" : s.clusterIP),
                count: s.endpoints.length,
              }),
            )}
          </li>
        ))}
        {nextPage > 0 ? (
          <li>
            <button type="button" onClick={() => setShown((n) => n + A11Y_SERVICE_PAGE)}>
              {t("topology.showMoreServices", { count: nextPage, rest })}
            </button>
          </li>
        ) : rest > 0 ? (
          <li>{t("topology.moreServices", { count: rest })}</li>
        ) : null}
        {view.nodes.slice(0, nodesListed).map((n) => (
          <li key={n.name}>
            {item(`node:${n.name}`, t("topology.node", { name: n.name, ip: n.internalIP, cidr: n.podCIDR }))}
            <ul>
              {podsOn(n.name)
                .slice(0, podsListed(n.name))
                .map((p) => (
                  <li key={`${p.namespace}/${p.name}`}>
                    {item(
                      `pod:${p.namespace}/${p.name}`,
                      t("topology.pod", { name: p.name, ip: p.ip ?? "", state: podState(p) }),
                    )}
                  </li>
                ))}
              {morePods(n.name)}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
});

/**
 * How many of the view's nodes the layer lists: a few more each frame until all are, from a few
 * again when the cluster's nodes change, unless focus is in the layer (its button stays listed).
 */
function useNodesOverFrames(
  view: TopologyView,
  root: RefObject<HTMLDivElement | null>,
): [number, (n: number) => void] {
  const names = view.nodes.map((n) => n.name).join("\n");
  const [listed, setListed] = useState({ names, count: A11Y_NODES_PER_FRAME });
  let count = listed.count;
  if (listed.names !== names) {
    const focused = root.current?.contains(document.activeElement) ?? false;
    count = focused ? Math.max(count, view.nodes.length) : A11Y_NODES_PER_FRAME;
    setListed({ names, count });
  }
  const all = view.nodes.length;
  useEffect(() => {
    if (count >= all) return;
    const frame = requestAnimationFrame(() =>
      setListed((l) => ({ names: l.names, count: l.count + A11Y_NODES_PER_FRAME })),
    );
    return () => cancelAnimationFrame(frame);
  }, [count, all]);
  return [count, (n) => setListed((l) => ({ names: l.names, count: Math.max(l.count, n) }))];
}
