/**
 * Draws the still parts of the diagram with d3 data joins: node boxes with
 * their data-plane strips, pod glyphs, Service VIP boxes, the outside client
 * and the lines from each Service to its endpoint pods.
 */
import { type Selection, select } from "d3";
import type { Box, NodeBox, PodBox, ServiceBox, TopologyLayout } from "./layout";

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface Layers {
  nodes: G;
  edges: G;
  pods: G;
  services: G;
}

/** What a glyph stands for, passed to click handlers. */
export interface Selected {
  kind: "node" | "pod" | "service";
  key: string;
}

/** The diagram's own words: the outside client, and the summary of Services not drawn. */
export interface StaticLabels {
  outside: string;
  moreServices: (n: number) => string;
}

/** Draws `layout` into the layers; returns every glyph's element by `kind:key`. */
export function drawStatic(
  layers: Layers,
  layout: TopologyLayout,
  labels: StaticLabels,
  onClick: (s: Selected) => void,
): Map<string, SVGGElement> {
  const elements = new Map<string, SVGGElement>();
  const remember = (kind: Selected["kind"], key: string, el: SVGGElement) =>
    elements.set(`${kind}:${key}`, el);

  const o = layout.outside;
  layers.services
    .selectAll<SVGGElement, Box>("g.topo-outside")
    .data([o])
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-outside");
      g.append("rect").attr("rx", 22);
      g.append("text");
      return g;
    })
    .each(function (d) {
      const g = select(this);
      g.select("rect").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      g.select("text")
        .attr("x", d.x + d.w / 2)
        .attr("y", d.y + d.h / 2 + 4)
        .text(clipText(labels.outside, d.w - 12));
    });

  layers.services
    .selectAll<SVGTextElement, Box>("text.topo-svc-more")
    .data(layout.more ? [layout.more] : [])
    .join("text")
    .attr("class", "topo-svc-more")
    .attr("x", (d) => d.x + 8)
    .attr("y", (d) => d.y + d.h / 2 + 4)
    .text(labels.moreServices(layout.hiddenServices));

  layers.nodes
    .selectAll<SVGGElement, NodeBox>("g.topo-node")
    .data(layout.nodes, (d) => d.node.name)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-node");
      g.append("rect").attr("class", "topo-node-box").attr("rx", 8);
      g.append("text").attr("class", "topo-node-name");
      g.append("text").attr("class", "topo-node-addr");
      g.append("rect").attr("class", "topo-dp").attr("rx", 3);
      g.append("rect").attr("class", "topo-dp-fill").attr("rx", 3);
      g.append("text").attr("class", "topo-dp-label");
      g.append("title");
      return g;
    })
    .classed("not-ready", (d) => !d.node.ready)
    .each(function (d) {
      remember("node", d.node.name, this);
      const g = select(this);
      g.select(".topo-node-box").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      const role = d.node.roles.length ? ` (${d.node.roles.join(",")})` : "";
      g.select(".topo-node-name")
        .attr("x", d.x + 10)
        .attr("y", d.y + 16)
        .text(clipText(`${d.node.name}${role}`, (d.w - 20) * 0.85));
      g.select(".topo-node-addr")
        .attr("x", d.x + 10)
        .attr("y", d.y + 31)
        .text(clipText(fits(addr(d), d.w - 20) ? addr(d) : d.node.internalIP, d.w - 20));
      g.select("title").text(`${d.node.name} ${addr(d)}`);
      const s = d.dataPlane;
      g.select(".topo-dp").attr("x", s.x).attr("y", s.y).attr("width", s.w).attr("height", s.h);
      g.select(".topo-dp-fill").attr("x", s.x).attr("y", s.y).attr("width", s.w).attr("height", s.h);
      g.select(".topo-dp-label")
        .attr("x", s.x + 6)
        .attr("y", s.y + s.h / 2 + 4)
        .text(fits(s.label, s.w - 12) ? s.label : clipText(`${s.name} · ${s.count}`, s.w - 12));
    })
    .on("click", (_, d) => onClick({ kind: "node", key: d.node.name }));

  layers.pods
    .selectAll<SVGGElement, PodBox>("g.topo-pod")
    .data(Object.values(layout.pods), (d) => d.key)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-pod");
      g.append("rect").attr("class", "topo-pod-box");
      g.append("text").attr("class", "topo-pod-name");
      g.append("text").attr("class", "topo-pod-ip");
      g.append("title");
      return g;
    })
    .classed("not-ready", (d) => !d.pod.ready)
    .classed("compact", (d) => d.compact)
    .attr("data-status", (d) => d.pod.status)
    .each(function (d) {
      remember("pod", d.key, this);
      const g = select(this);
      g.select(".topo-pod-box")
        .attr("x", d.x)
        .attr("y", d.y)
        .attr("width", d.w)
        .attr("height", d.h)
        .attr("rx", d.compact ? 2 : 4);
      g.select(".topo-pod-name")
        .attr("x", d.x + 5)
        .attr("y", d.y + 14)
        .text(d.compact ? "" : clipText(d.pod.name, d.w - 10));
      g.select(".topo-pod-ip")
        .attr("x", d.x + 5)
        .attr("y", d.y + 28)
        .text(d.compact ? "" : (d.pod.ip ?? d.pod.status));
      g.select("title").text(
        `${d.key} ${d.pod.ip ?? ""} ${d.pod.status}${d.pod.ready ? "" : " (not ready)"}`,
      );
    })
    .on("click", (_, d) => onClick({ kind: "pod", key: d.key }));

  layers.services
    .selectAll<SVGGElement, ServiceBox>("g.topo-svc")
    .data(layout.services, (d) => d.key)
    .join((enter) => {
      const g = enter.append("g").attr("class", "topo-svc");
      g.append("rect").attr("class", "topo-svc-box").attr("rx", 6);
      g.append("text").attr("class", "topo-svc-text");
      g.append("title");
      return g;
    })
    .each(function (d) {
      remember("service", d.key, this);
      const g = select(this);
      g.select(".topo-svc-box").attr("x", d.x).attr("y", d.y).attr("width", d.w).attr("height", d.h);
      g.select("title").text(`${d.key}\n${d.lines.slice(1).join("\n")}`);
      g.select(".topo-svc-text")
        .selectAll("tspan")
        .data(d.lines.slice(0, d.compact ? 2 : 4))
        .join("tspan")
        .attr("x", d.x + 8)
        .attr("y", (_, i) => d.y + 14 + i * 11)
        .attr("class", (_, i) => (i === 0 ? "topo-svc-name" : null))
        .text((line) => clipText(line, d.w - 14));
    })
    .on("click", (_, d) => onClick({ kind: "service", key: d.key }));

  layers.edges
    .selectAll<SVGPathElement, { svc: ServiceBox; ready: boolean }>("path")
    .data(
      layout.services.flatMap((svc) => [
        { svc, ready: true },
        { svc, ready: false },
      ]),
      (d) => `${d.svc.key}:${d.ready}`,
    )
    .join("path")
    .attr("class", (d) => `topo-edge ${d.ready ? "ready" : "not-ready"}`)
    .attr("data-service", (d) => d.svc.key)
    .attr("d", (d) => edgePath(layout, d.svc, d.ready));

  return elements;
}

/** One path per Service and readiness: a move-line pair per endpoint pod. */
function edgePath(layout: TopologyLayout, svc: ServiceBox, ready: boolean): string {
  const sx = svc.x + svc.w / 2;
  const sy = svc.y + svc.h;
  let d = "";
  for (const e of svc.endpoints) {
    if (e.ready !== ready) continue;
    const p = layout.pods[e.pod];
    if (p) d += `M${sx},${sy}L${p.x + p.w / 2},${p.y}`;
  }
  return d;
}

const addr = (d: NodeBox) => `${d.node.internalIP} · ${d.node.podCIDR}`;
const fits = (text: string, width: number) => text.length * 6.1 <= width;

/** Shortens text to about `width` world units of the 10px monospace it is set in. */
function clipText(text: string, width: number): string {
  const max = Math.max(3, Math.floor(width / 6.1));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
