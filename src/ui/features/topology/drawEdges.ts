/**
 * Lines from each Service to its endpoint pods: one path per Service and readiness, curved so they
 * read as fans. A Service with many endpoints fans out to the nodes that hold them instead (one
 * line a node, into the band of the Service's namespace): 300 lines to 300 glyphs are a blur.
 */
import type { Layers } from "./drawTypes";
import type { ServiceBox, TopologyLayout } from "./layout";

/** More endpoints than this are drawn a line per node. */
export const MANY_ENDPOINTS = 24;

export function drawEdges(layers: Layers, layout: TopologyLayout): void {
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
}

/** Where the lines of `svc` end: each endpoint pod's top, or each node's band of the Service's namespace. */
export function edgeTargets(
  layout: TopologyLayout,
  svc: ServiceBox,
  ready: boolean,
): { x: number; y: number }[] {
  const pods = svc.endpoints.filter((e) => e.ready === ready).flatMap((e) => layout.pods[e.pod] ?? []);
  if (svc.endpoints.length <= MANY_ENDPOINTS) return pods.map((p) => ({ x: p.x + p.w / 2, y: p.y }));
  const nodes = new Set(pods.map((p) => p.pod.node));
  return layout.nodes
    .filter((n) => nodes.has(n.node.name))
    .map((n) => {
      const band = n.groups.find((g) => g.namespace === svc.service.namespace)?.box ?? n;
      return { x: band.x + band.w / 2, y: band.y };
    });
}

function edgePath(layout: TopologyLayout, svc: ServiceBox, ready: boolean): string {
  const sx = svc.x + svc.w / 2;
  const sy = svc.y + svc.h;
  let d = "";
  for (const { x, y } of edgeTargets(layout, svc, ready)) {
    const my = sy + (y - sy) * 0.5;
    d += `M${sx},${sy}C${sx},${my} ${x},${my} ${x},${y}`;
  }
  return d;
}
