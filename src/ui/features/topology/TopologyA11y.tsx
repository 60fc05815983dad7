import type { PodView, TopologyView } from "../../../engine/view/topology";
import { useT } from "../../i18n/useT";

interface Props {
  view: TopologyView;
  /** `kind:key` of the focused item, or null when focus leaves. */
  onFocusItem: (id: string | null) => void;
  /** Enter or click: bring the item into view in the diagram. */
  onReveal: (id: string) => void;
}

/**
 * The diagram for screen readers and keyboards: every Service, node and pod
 * as a named button, nodes holding their pods. Focus rings the glyph in the
 * picture; Enter zooms to it.
 */
export function TopologyA11y({ view, onFocusItem, onReveal }: Props) {
  const t = useT();
  const podsOn = (node: string) => view.pods.filter((p) => p.node === node);
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
  return (
    <div className="topo-a11y">
      <ul>
        {view.services.map((s) => (
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
        {view.nodes.map((n) => (
          <li key={n.name}>
            {item(`node:${n.name}`, t("topology.node", { name: n.name, ip: n.internalIP, cidr: n.podCIDR }))}
            <ul>
              {podsOn(n.name).map((p) => (
                <li key={`${p.namespace}/${p.name}`}>
                  {item(
                    `pod:${p.namespace}/${p.name}`,
                    t("topology.pod", { name: p.name, ip: p.ip ?? "", state: podState(p) }),
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
