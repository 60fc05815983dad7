/**
 * Pods: labelled boxes with a cube mark (name, then IP or what keeps them from serving), or, on
 * a node too full for labels, small glyphs: one element each, so thousands of pods stay cheap to
 * lay out on every frame.
 */
import { select } from "d3";
import type { Elements, G, StaticEvents, StaticLabels } from "./drawTypes";
import type { PodBox } from "./layout";
import { FONT } from "./metrics";
import { cubeIcon } from "./shapes";
import { clipEnd, clipMiddle } from "./text";

/** Draws `pods` into `into` (one of the pods layer's chunks: see drawStatic.ts). */
export function drawPods(
  into: G,
  pods: readonly PodBox[],
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): void {
  drawBoxes(
    into,
    pods.filter((d) => !d.compact),
    labels,
    events,
    elements,
  );
  drawGlyphs(
    into,
    pods.filter((d) => d.compact),
    labels,
    events,
    elements,
  );
}

function drawBoxes(
  into: G,
  pods: readonly PodBox[],
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): void {
  into
    .selectAll<SVGGElement, PodBox>("g.topo-pod")
    .data(pods, (d) => d.key)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-pod");
      g.append("rect").attr("class", "topo-pod-box").attr("rx", 8);
      g.append("path").attr("class", "topo-pod-icon");
      g.append("text").attr("class", "topo-pod-name");
      g.append("text").attr("class", "topo-pod-ip");
      g.append("title");
      return g;
    })
    .classed("not-ready", (d) => !d.pod.ready)
    .attr("data-status", (d) => d.pod.status)
    .each(function (d) {
      elements.set(`pod:${d.key}`, this);
      const g = select(this);
      g.select(".topo-pod-box").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      g.select(".topo-pod-icon").attr("d", cubeIcon(d.x + 8, d.y + 7));
      g.select(".topo-pod-name")
        .attr("x", d.x + 26)
        .attr("y", d.y + 18)
        .text(clipMiddle(d.pod.name, d.w - 32, FONT.text, true));
      g.select(".topo-pod-ip")
        .attr("x", d.x + 26)
        .attr("y", d.y + 35)
        .text(clipEnd(secondLine(d, labels), d.w - 32, FONT.text, true));
      g.select("title").text(podTitle(d, labels));
    })
    .on("click", (_, d) => events.onClick({ kind: "pod", key: d.key }));
}

/**
 * Glyphs: a rect each, the mark rings on the rect itself. Its hover title is written when the
 * pointer first reaches it (a title element per glyph would double the diagram's elements).
 * A new glyph is made whole before it joins the page: each attribute set on a glyph already in
 * the page is a style invalidation of its own, and a chunk adds a hundred glyphs per frame.
 */
function drawGlyphs(
  into: G,
  pods: readonly PodBox[],
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): void {
  into
    .selectAll<SVGRectElement, PodBox>("rect.topo-glyph")
    .data(pods, (d) => d.key)
    .join(
      (enter) => enter.append((d) => placeGlyph(newGlyph(d), d)),
      (update) =>
        update.each(function (d) {
          // The marks' classes (highlight.ts) stay on a glyph drawn again.
          this.classList.toggle("not-ready", !d.pod.ready);
          placeGlyph(this, d);
          if (this.firstChild) this.firstChild.textContent = podTitle(d, labels);
        }),
    )
    .each(function (d) {
      elements.set(`pod:${d.key}`, this);
    })
    .on("pointerover", function (_, d) {
      if (!this.firstChild) select(this).append("title").text(podTitle(d, labels));
    })
    .on("click", (_, d) => events.onClick({ kind: "pod", key: d.key }));
}

function newGlyph(d: PodBox): SVGRectElement {
  const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  rect.setAttribute("class", d.pod.ready ? "topo-pod topo-glyph" : "topo-pod topo-glyph not-ready");
  rect.setAttribute("rx", "3");
  return rect;
}

/** Sets a glyph's status and box for `d`. */
function placeGlyph(rect: SVGRectElement, d: PodBox): SVGRectElement {
  rect.setAttribute("data-status", d.pod.status);
  rect.setAttribute("x", String(d.x));
  rect.setAttribute("y", String(d.y));
  rect.setAttribute("width", String(d.w));
  rect.setAttribute("height", String(d.h));
  return rect;
}

/** What hovering a pod says: its key, IP and phase, and whether it is not ready. */
function podTitle(d: PodBox, labels: StaticLabels): string {
  return `${d.key} ${d.pod.ip ?? ""} ${d.pod.status}${d.pod.ready ? "" : ` (${labels.notReady})`}`;
}

/** The pod's IP; or, for a pod that serves no traffic, why: not ready, or its phase. */
function secondLine(d: PodBox, labels: StaticLabels): string {
  if (d.pod.status !== "Running") return d.pod.status;
  if (!d.pod.ready) return `⚠ ${labels.notReady}`;
  return d.pod.ip ?? "";
}
