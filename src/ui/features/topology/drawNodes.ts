/** Nodes: a box with a header (name, addresses), the data-plane strip, and a band per namespace of pods. */
import { select } from "d3";
import type { Elements, G, StaticEvents, StaticLabels } from "./drawTypes";
import type { NodeBox, PodGroup } from "./layout";
import { FONT, NODE } from "./metrics";
import { alertMark, headerPath, serverIcon } from "./shapes";
import { clipEnd, textWidth } from "./text";

/** Draws `nodes` into `into` (one of the nodes layer's chunks: see drawStatic.ts). */
export function drawNodes(
  into: G,
  nodes: readonly NodeBox[],
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): void {
  into
    .selectAll<SVGGElement, NodeBox>("g.topo-node")
    .data(nodes, (d) => d.node.name)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-node");
      g.append("rect").attr("class", "topo-node-box").attr("rx", 10);
      g.append("path").attr("class", "topo-node-head");
      g.append("path").attr("class", "topo-node-icon");
      g.append("text").attr("class", "topo-node-name");
      g.append("text").attr("class", "topo-node-addr");
      g.append("g").attr("class", "topo-node-alert");
      g.append("g").attr("class", "topo-ns-groups");
      g.append("rect").attr("class", "topo-dp").attr("rx", 4);
      g.append("rect").attr("class", "topo-dp-fill").attr("rx", 4);
      g.append("text").attr("class", "topo-dp-label");
      g.append("title");
      return g;
    })
    .classed("not-ready", (d) => !d.node.ready)
    .each(function (d) {
      elements.set(`node:${d.node.name}`, this);
      const g = select(this);
      g.select(".topo-node-box").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      g.select(".topo-node-head").attr("d", headerPath(d, NODE.header));
      g.select(".topo-node-icon").attr("d", serverIcon(d.x + 12, d.y + 9));
      const role = d.node.roles.length ? ` (${d.node.roles.join(",")})` : "";
      g.select(".topo-node-name")
        .attr("x", d.x + 34)
        .attr("y", d.y + 21)
        .text(clipEnd(`${d.node.name}${role}`, d.w - 44 - (d.node.ready ? 0 : 24), FONT.nodeName));
      const addr = `${d.node.internalIP} · ${d.node.podCIDR}`;
      g.select(".topo-node-addr")
        .attr("x", d.x + 12)
        .attr("y", d.y + 38)
        .text(
          textWidth(addr, FONT.text, true) <= d.w - 24
            ? addr
            : clipEnd(d.node.internalIP, d.w - 24, FONT.text, true),
        );
      g.select(".topo-node-alert")
        .selectAll("path")
        .data(d.node.ready ? [] : [d])
        .join("path")
        .attr("d", (n) => `${circle(n.x + n.w - 18, n.y + 16, 9)}${alertMark(n.x + n.w - 18, n.y + 16, 9)}`);
      g.select("title").text(`${d.node.name} ${addr}${d.node.ready ? "" : ` (${labels.notReady})`}`);
      drawGroups(g.select<SVGGElement>(".topo-ns-groups").node()!, d.groups);
      const s = d.dataPlane;
      g.select(".topo-dp").attr("x", s.x).attr("y", s.y).attr("width", s.w).attr("height", s.h);
      g.select(".topo-dp-fill").attr("x", s.x).attr("y", s.y).attr("width", s.w).attr("height", s.h);
      const full = `${s.name} · ${labels.dataPlane(s)}`;
      g.select(".topo-dp-label")
        .attr("x", s.x + 2)
        .attr("y", s.y - 6)
        .text(clipEnd(full, s.w - 4, FONT.text, true));
    })
    .on("click", (_, d) => events.onClick({ kind: "node", key: d.node.name }));
}

/** A band behind each namespace's pods, with the namespace's name above them. */
function drawGroups(el: SVGGElement, groups: readonly PodGroup[]): void {
  select(el)
    .selectAll<SVGGElement, PodGroup>("g")
    .data(groups, (g) => g.namespace)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-ns-group");
      g.append("rect").attr("rx", 6);
      g.append("text");
      return g;
    })
    .each(function (grp) {
      const g = select(this);
      const b = grp.box;
      g.select("rect").attr("x", b.x).attr("y", b.y).attr("width", b.w).attr("height", b.h);
      g.select("text")
        .attr("x", grp.label.x)
        .attr("y", grp.label.y)
        .text(clipEnd(grp.namespace, b.w - 8, FONT.text));
    });
}

function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}
