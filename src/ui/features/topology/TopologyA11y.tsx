import { useState } from "react";
import type { PodView, TopologyView } from "../../../engine/view/topology";
import { useT } from "../../i18n/useT";
import { serviceTotal } from "./serviceTotal";

/** Services listed per page: ten thousand buttons would take seconds to build and to walk. */
export const A11Y_SERVICE_PAGE = 50;

interface Props {
  view: TopologyView;
  /** `kind:key` of the focused item, or null when focus leaves. */
  onFocusItem: (id: string | null) => void;
  /** Enter or click: bring the item into view in the diagram. */
  onReveal: (id: string) => void;
}

/**
 * The diagram for screen readers and keyboards: every Service, node and pod
 * as a named button, nodes holding their pods (Services a page at a time,
 * with a button for the next page). Focus rings the glyph in the picture;
 * Enter zooms to it.
 */
export function TopologyA11y({ view, onFocusItem, onReveal }: Props) {
  const t = useT();
  const [shown, setShown] = useState(A11Y_SERVICE_PAGE);
  const services = view.services.slice(0, shown);
  // Listed on request, a page at a time; beyond what the view carries, a count.
  const nextPage = Math.min(view.services.length - services.length, A11Y_SERVICE_PAGE);
  const rest = serviceTotal(view) - services.length;
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
