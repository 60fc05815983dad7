/**
 * The callout at the current hop: stage and place, the matched rule in its
 * real syntax, the rewrite `before → after`, and what the lookup cost — a
 * walk down KUBE-SERVICES in iptables mode, one hash lookup in IPVS/nftables.
 */
import type { TraceHop } from "../../../engine/net/types";
import type { DataPlaneStrip } from "./layout";
import type { TopologyText } from "./topologyText";

const MAX_DETAIL = 6;

/** Fills `el` (an HTML div) for `hop`; `strip` is the data plane of the hop's node, if any. */
export function renderCallout(
  el: HTMLElement,
  hop: TraceHop,
  index: number,
  strip: DataPlaneStrip | undefined,
  text: TopologyText,
): void {
  el.replaceChildren();
  el.className = `topo-callout topo-callout-${hop.direction}`;
  const head = add(el, "div", "topo-callout-head");
  add(head, "span", "topo-callout-index").textContent = String(index + 1);
  add(head, "strong").textContent = hop.stage;
  add(head, "span", "topo-callout-place").textContent = placeText(hop, text);
  if (hop.rule) add(el, "pre", "topo-callout-rule").textContent = hop.rule;
  if (hop.rewrite) {
    const r = hop.rewrite;
    add(el, "div", "topo-callout-rewrite").textContent =
      `${r.type} ${r.before.ip}:${r.before.port} → ${r.after.ip}:${r.after.port}`;
  }
  const { rulesEvaluated, lookups } = hop.cost;
  if (rulesEvaluated > 0) {
    const walk = add(el, "div", "topo-callout-walk");
    const total = Math.max(strip?.count ?? 0, rulesEvaluated);
    const bar = add(walk, "div", "topo-walk-bar");
    add(bar, "div", "topo-walk-fill").style.setProperty("--fill", String(rulesEvaluated / total));
    add(walk, "span").textContent = text("topology.walk", {
      count: rulesEvaluated,
      chain: strip?.name ?? "KUBE-SERVICES",
    });
  }
  if (lookups > 0) {
    add(el, "div", "topo-callout-lookup").textContent = text("topology.lookup", {
      count: lookups,
      chain: strip?.name ?? "",
    });
  }
  if (hop.detail?.length) {
    const list = add(el, "pre", "topo-callout-detail");
    const shown = hop.detail.slice(0, MAX_DETAIL);
    list.textContent = shown.join("\n");
    if (hop.detail.length > MAX_DETAIL)
      list.textContent += `\n${text("topology.more", { count: hop.detail.length - MAX_DETAIL })}`;
  }
  if (hop.note) add(el, "div", "topo-callout-note").textContent = hop.note;
}

function placeText(hop: TraceHop, text: TopologyText): string {
  const p = hop.place;
  if (p.external) return text("topology.outside");
  const where = p.pod ? `${p.namespace ?? "default"}/${p.pod}` : (p.node ?? "");
  return p.interface ? `${where} ${p.interface}` : where;
}

function add<K extends keyof HTMLElementTagNameMap>(
  parent: HTMLElement,
  tag: K,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  parent.appendChild(el);
  return el;
}
