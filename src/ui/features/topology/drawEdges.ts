/** Lines from each Service to its endpoint pods: one path per Service and readiness, curved so they read as fans. */
import type { Layers } from "./drawTypes";
import type { ServiceBox, TopologyLayout } from "./layout";

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

function edgePath(layout: TopologyLayout, svc: ServiceBox, ready: boolean): string {
  const sx = svc.x + svc.w / 2;
  const sy = svc.y + svc.h;
  let d = "";
  for (const e of svc.endpoints) {
    if (e.ready !== ready) continue;
    const p = layout.pods[e.pod];
    if (!p) continue;
    const px = p.x + p.w / 2;
    const py = p.y;
    const my = sy + (py - sy) * 0.5;
    d += `M${sx},${sy}C${sx},${my} ${px},${my} ${px},${py}`;
  }
  return d;
}
