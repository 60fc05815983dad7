/** A burst's flows: a line per backend, as thick as its share, and the count where it lands. */
import { select } from "d3";
import type { G } from "./drawTypes";
import type { Flow } from "./flows";
import { FONT } from "./metrics";
import { textWidth } from "./text";

export interface FlowLabels {
  count: (n: number) => string;
  failed: (n: number) => string;
}

export function drawFlows(layer: G, flows: readonly Flow[], labels: FlowLabels): void {
  const max = Math.max(1, ...flows.map((f) => f.count));
  layer
    .selectAll<SVGGElement, Flow>("g.topo-flow")
    .data(flows, (f) => f.backend ?? "")
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-flow");
      g.append("path");
      const tag = g.append("g").attr("class", "topo-flow-count");
      tag.append("rect").attr("rx", 11);
      tag.append("text");
      return g;
    })
    .classed("failed", (f) => f.backend === null)
    .attr("data-backend", (f) => f.backend ?? "")
    .attr("data-count", (f) => f.count)
    .each(function (f) {
      const g = select(this);
      const d = f.points.map((p, i) => `${i ? "L" : "M"}${p.x},${p.y}`).join("");
      g.select("path")
        .attr("d", d)
        .attr("stroke-width", 2 + 8 * (f.count / max));
      const text = f.backend === null ? labels.failed(f.count) : labels.count(f.count);
      const w = textWidth(text, FONT.badge) + 16;
      const x = f.anchor.x - w / 2;
      const y = f.anchor.y - 13;
      g.select(".topo-flow-count rect").attr("x", x).attr("y", y).attr("width", w).attr("height", 22);
      g.select(".topo-flow-count text")
        .attr("x", x + w / 2)
        .attr("y", y + 16)
        .text(text);
    });
}
