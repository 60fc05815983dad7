/** Pods: labelled boxes with a cube mark (name, then IP or what keeps them from serving), or small glyphs. */
import { select } from "d3";
import type { Elements, Layers, StaticEvents, StaticLabels } from "./drawTypes";
import type { PodBox } from "./layout";
import { FONT } from "./metrics";
import { cubeIcon } from "./shapes";
import { clipEnd, clipMiddle } from "./text";

export function drawPods(
  layers: Layers,
  pods: readonly PodBox[],
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): void {
  layers.pods
    .selectAll<SVGGElement, PodBox>("g.topo-pod")
    .data(pods, (d) => d.key)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-pod");
      g.append("rect").attr("class", "topo-pod-box");
      g.append("path").attr("class", "topo-pod-icon");
      g.append("text").attr("class", "topo-pod-name");
      g.append("text").attr("class", "topo-pod-ip");
      g.append("title");
      return g;
    })
    .classed("not-ready", (d) => !d.pod.ready)
    .classed("compact", (d) => d.compact)
    .attr("data-status", (d) => d.pod.status)
    .each(function (d) {
      elements.set(`pod:${d.key}`, this);
      const g = select(this);
      g.select(".topo-pod-box")
        .attr("x", d.x)
        .attr("y", d.y)
        .attr("width", d.w)
        .attr("height", d.h)
        .attr("rx", d.compact ? 3 : 8);
      g.select(".topo-pod-icon").attr("d", d.compact ? null : cubeIcon(d.x + 8, d.y + 7));
      g.select(".topo-pod-name")
        .attr("x", d.x + 26)
        .attr("y", d.y + 18)
        .text(d.compact ? "" : clipMiddle(d.pod.name, d.w - 32, FONT.text, true));
      g.select(".topo-pod-ip")
        .attr("x", d.x + 26)
        .attr("y", d.y + 35)
        .text(d.compact ? "" : clipEnd(secondLine(d, labels), d.w - 32, FONT.text, true));
      g.select("title").text(
        `${d.key} ${d.pod.ip ?? ""} ${d.pod.status}${d.pod.ready ? "" : ` (${labels.notReady})`}`,
      );
    })
    .on("click", (_, d) => events.onClick({ kind: "pod", key: d.key }));
}

/** The pod's IP; or, for a pod that serves no traffic, why: not ready, or its phase. */
function secondLine(d: PodBox, labels: StaticLabels): string {
  if (d.pod.status !== "Running") return d.pod.status;
  if (!d.pod.ready) return `⚠ ${labels.notReady}`;
  return d.pod.ip ?? "";
}
