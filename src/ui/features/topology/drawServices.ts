/** The Services band: namespace frames, Service boxes with their endpoint counts, the outside client. */
import { type Selection, select } from "d3";
import type { Elements, Layers, StaticEvents, StaticLabels } from "./drawTypes";
import type { Box, ServiceBox, ServiceGroup, TopologyLayout } from "./layout";
import { FONT, LINE } from "./metrics";
import { alertMark, chamferPath, fanIcon, globeIcon } from "./shapes";
import { clipEnd, textWidth } from "./text";

export function drawServices(
  layers: Layers,
  layout: TopologyLayout,
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): void {
  drawOutside(layers, layout.outside, labels.outside);

  layers.frames
    .selectAll<SVGGElement, ServiceGroup>("g.topo-ns-frame")
    .data(layout.serviceGroups, (d) => d.namespace)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-ns-frame");
      g.append("rect").attr("rx", 12);
      g.append("text");
      return g;
    })
    .each(function (d) {
      const g = select(this);
      g.select("rect").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      g.select("text")
        .attr("x", d.x + 10)
        .attr("y", d.y + 18)
        .text(clipEnd(d.namespace, d.w - 20, FONT.text));
    });

  layers.services
    .selectAll<SVGTextElement, Box>("text.topo-svc-more")
    .data(layout.more ? [layout.more] : [])
    .join("text")
    .attr("class", "topo-svc-more")
    .attr("x", (d) => d.x + 8)
    .attr("y", (d) => d.y + LINE.normal)
    .text(labels.moreServices(layout.hiddenServices));

  layers.services
    .selectAll<SVGGElement, ServiceBox>("g.topo-svc")
    .data(layout.services, (d) => d.key)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-svc");
      g.append("path").attr("class", "topo-svc-box");
      g.append("path").attr("class", "topo-svc-icon");
      g.append("text").attr("class", "topo-svc-text");
      g.append("g").attr("class", "topo-svc-count");
      g.append("title");
      return g;
    })
    .classed("no-endpoints", (d) => zeroEndpoints(d))
    .each(function (d) {
      elements.set(`service:${d.key}`, this);
      const g = select(this);
      g.select(".topo-svc-box").attr("d", chamferPath(d));
      g.select(".topo-svc-icon").attr("d", fanIcon(d.x + 10, d.y + 8));
      g.select("title").text(`${d.key}\n${d.lines.slice(1).join("\n")}`);
      g.select(".topo-svc-text")
        .selectAll("tspan")
        .data(d.lines)
        .join("tspan")
        .attr("x", (_, i) => d.x + (i === 0 ? 30 : 10))
        .attr("y", (_, i) => d.y + 20 + i * LINE.normal)
        .attr("class", (_, i) => (i === 0 ? "topo-svc-name" : "topo-svc-line"))
        .text((line, i) =>
          clipEnd(line, d.w - (i === 0 ? 40 : 20), i === 0 ? FONT.serviceName : FONT.text, i > 0),
        );
      drawCount(select(this).select<SVGGElement>(".topo-svc-count"), d, labels);
    })
    .on("click", (_, d) => events.onClick({ kind: "service", key: d.key }))
    .on("pointerenter", (_, d) => events.onHover(`service:${d.key}`))
    .on("pointerleave", () => events.onHover(null));
}

/** A Service that should have endpoints and has none (ExternalName has none by design). */
function zeroEndpoints(d: ServiceBox): boolean {
  return d.service.type !== "ExternalName" && d.service.endpoints.length === 0;
}

/** The endpoint count under the Service's lines; a red badge when there are none. */
function drawCount(g: Selection<SVGGElement, unknown, null, undefined>, d: ServiceBox, labels: StaticLabels) {
  const zero = zeroEndpoints(d);
  const shown = d.service.type !== "ExternalName";
  const text = labels.endpoints(d.service.endpoints.length);
  const pill = zero ? textWidth(text, FONT.badge) + 16 : 0;
  const rows = [
    ...(shown && !d.compact ? [{ kind: "line" as const }] : []),
    ...(zero ? [{ kind: "corner" as const }] : []),
  ];
  g.selectAll<SVGGElement, { kind: "line" | "corner" }>("g")
    .data(rows, (r) => r.kind)
    .join((enter) => {
      const e = enter.append("g").attr("class", (r) => `topo-count-${r.kind}`);
      e.append("rect");
      e.append("circle");
      e.append("path");
      e.append("text");
      return e;
    })
    .each(function (r) {
      const row = select(this);
      if (r.kind === "line") {
        const y = d.y + 20 + d.lines.length * LINE.normal;
        row
          .select("rect")
          .attr("x", d.x + 6)
          .attr("y", y - 13)
          .attr("width", zero ? pill : 0)
          .attr("height", zero ? 18 : 0)
          .attr("rx", 9);
        row
          .select("circle")
          .attr("cx", d.x + 14)
          .attr("cy", y - 4.5)
          .attr("r", zero ? 0 : 3.5);
        row.select("path").attr("d", null);
        row
          .select("text")
          .attr("x", d.x + (zero ? 14 : 22))
          .attr("y", y)
          .text(clipEnd(text, d.w - 30, FONT.badge));
      } else {
        const cx = d.x + d.w - 4;
        const cy = d.y + 4;
        row.select("rect").attr("width", 0).attr("height", 0);
        row.select("circle").attr("cx", cx).attr("cy", cy).attr("r", 9);
        row.select("path").attr("d", alertMark(cx, cy, 9));
        row.select("text").text("");
      }
    });
}

function drawOutside(layers: Layers, o: Box, label: string): void {
  const lines = splitInTwo(label, o.w - 40);
  layers.services
    .selectAll<SVGGElement, Box>("g.topo-outside")
    .data([o])
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-outside");
      g.append("rect").attr("rx", 28);
      g.append("path").attr("class", "topo-outside-icon");
      g.append("text");
      return g;
    })
    .each(function (d) {
      const g = select(this);
      g.select("rect").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      g.select(".topo-outside-icon").attr("d", globeIcon(d.x + 14, d.y + d.h / 2 - 7));
      g.select("text")
        .selectAll("tspan")
        .data(lines)
        .join("tspan")
        .attr("x", d.x + 34)
        .attr("y", (_, i) => d.y + d.h / 2 + 5 + (i - (lines.length - 1) / 2) * LINE.normal)
        .text((l) => clipEnd(l, d.w - 40, FONT.text));
    });
}

/** One line if it fits `width`, else two, split at the space nearest the middle. */
function splitInTwo(text: string, width: number): string[] {
  if (textWidth(text, FONT.text) <= width) return [text];
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (!spaces.length) return [text];
  const mid = spaces.reduce((a, b) =>
    Math.abs(b - text.length / 2) < Math.abs(a - text.length / 2) ? b : a,
  );
  return [text.slice(0, mid), text.slice(mid + 1)];
}
