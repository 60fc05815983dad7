/**
 * The callout at the current hop: stage and place, the matched rule in its
 * real syntax, the rewrite `before → after`, and what the hop itself did —
 * the rules it walked in the chain it walked them in, the sets and maps it
 * looked up, what IPVS did, and where the packet was refused for want of an endpoint, why its
 * Service has none — in the reader's language.
 */
import { hopSummary, partHeading, whyMessage } from "../../../engine/net/hopStory";
import type { TraceHop } from "../../../engine/net/types";
import { noEndpointsText, noteText, stageText, traceWords } from "../../i18n/traceWords";
import type { TopologyText } from "./topologyText";
import "./calloutStory.css";

const MAX_DETAIL = 6;

/** Fills `el` (an HTML div) for `hop`. */
export function renderCallout(el: HTMLElement, hop: TraceHop, index: number, text: TopologyText): void {
  el.replaceChildren();
  el.className = `topo-callout topo-callout-${hop.direction}`;
  const head = add(el, "div", "topo-callout-head");
  add(head, "span", "topo-callout-index").textContent = String(index + 1);
  // Where IPVS acted, the hop is what IPVS did (its filter chain walk stays below, as the bar).
  const ipvs = hop.walk?.find((p) => p.k === "ipvs" && p.outcome !== "not-virtual");
  add(head, "strong").textContent = ipvs ? partHeading(ipvs) : stageText(text.language, hop);
  add(head, "span", "topo-callout-place").textContent = placeText(hop, text);
  if (hop.rule) add(el, "pre", "topo-callout-rule").textContent = hop.rule;
  if (hop.rewrite) {
    const r = hop.rewrite;
    add(el, "div", "topo-callout-rewrite").textContent =
      `${r.type} ${r.before.ip}:${r.before.port} → ${r.after.ip}:${r.after.port}`;
  }
  const { rulesEvaluated, lookups } = hop.cost;
  const summary = hopSummary(hop);
  const words = traceWords(text.language);
  for (const m of summary.ipvs) add(el, "div", "topo-callout-ipvs").textContent = words(m);
  const longest = summary.longest;
  if (longest && longest.tested > 0) {
    // The chain this hop walked, and how much of it: a first packet to the last Service fills the bar.
    const walk = add(el, "div", "topo-callout-walk");
    const bar = add(walk, "div", "topo-walk-bar");
    add(bar, "div", "topo-walk-fill").style.setProperty(
      "--fill",
      String(longest.tested / Math.max(1, longest.length)),
    );
    add(walk, "span").textContent = text("topology.walk", { count: longest.tested, chain: longest.chain });
  } else if (rulesEvaluated > 0) {
    add(el, "div", "topo-callout-walk").textContent = text("topology.walkHere", { count: rulesEvaluated });
  }
  for (const w of summary.why) add(el, "div", "topo-callout-why").textContent = whyMessage(w, words);
  if (lookups > 0) {
    add(el, "div", "topo-callout-lookup").textContent = summary.lookedUp.length
      ? text("topology.lookup", { count: lookups, chain: names(summary.lookedUp) })
      : text("topology.lookupHere", { count: lookups });
  }
  if (!hop.walk && hop.detail?.length) {
    const list = add(el, "pre", "topo-callout-detail");
    const shown = hop.detail.slice(0, MAX_DETAIL);
    list.textContent = shown.join("\n");
    if (hop.detail.length > MAX_DETAIL)
      list.textContent += `\n${text("topology.more", { count: hop.detail.length - MAX_DETAIL })}`;
  }
  const note = noteText(text.language, hop);
  if (note) add(el, "div", "topo-callout-note").textContent = note;
  const why = noEndpointsText(text.language, hop);
  if (why) add(el, "div", "topo-callout-noendpoints").textContent = why;
}

/** The first two names and how many more, to keep a callout's line short. */
function names(list: readonly string[]): string {
  return list.length <= 2 ? list.join(", ") : `${list.slice(0, 2).join(", ")} +${list.length - 2}`;
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
