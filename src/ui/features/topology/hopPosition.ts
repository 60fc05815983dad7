/**
 * Where a trace hop happens in a layout: a pod's glyph, a node's data-plane
 * strip, the wire between nodes, or the outside client. Pure.
 */
import type { TraceHop } from "../../../engine/net/types";
import type { Box, NodeBox, TopologyLayout } from "./layout";

export interface HopPoint {
  x: number;
  y: number;
  kind: "pod" | "dataplane" | "wire" | "outside" | "dns";
}

/** Left to right along the strip: the order netfilter meets a packet. */
const STAGE_ALONG: [RegExp, number][] = [
  [/conntrack/i, 0.08],
  [/PREROUTING/, 0.22],
  [/IPVS|ipvs/, 0.4],
  [/route/i, 0.45],
  [/INPUT|FORWARD|OUTPUT/, 0.6],
  [/POSTROUTING/, 0.85],
];

/**
 * The point for `hop`; `next` (the following hop) places a `wire` hop between
 * its node and where the packet goes. `hop` with no place: DNS answers go to
 * the cluster DNS Service, anything else to the outside anchor.
 */
export function hopPosition(layout: TopologyLayout, hop: TraceHop, next?: TraceHop): HopPoint {
  const { place } = hop;
  if (place.external) return { ...center(layout.outside), kind: "outside" };
  if (place.pod) {
    const pod = layout.pods[`${place.namespace ?? "default"}/${place.pod}`];
    if (pod) return { ...center(pod), kind: hop.direction === "dns" ? "dns" : "pod" };
  }
  const node = place.node ? layout.nodes.find((n) => n.node.name === place.node) : undefined;
  if (node) {
    if (hop.stage === "wire") return wirePoint(layout, node, next);
    return dataPlanePoint(node, hop.stage);
  }
  if (hop.direction === "dns") {
    const dns = layout.services.find((s) => s.key === "kube-system/kube-dns");
    if (dns) return { ...center(dns), kind: "dns" };
  }
  return { ...center(layout.outside), kind: "outside" };
}

/** Every hop's point, in order (each wire hop looks at the hop after it). */
export function tracePoints(layout: TopologyLayout, hops: readonly TraceHop[]): HopPoint[] {
  return hops.map((h, i) => hopPosition(layout, h, hops[i + 1]));
}

function dataPlanePoint(node: NodeBox, stage: string): HopPoint {
  const s = node.dataPlane;
  const along = STAGE_ALONG.find(([re]) => re.test(stage))?.[1] ?? 0.5;
  return { x: s.x + s.w * along, y: s.y + s.h / 2, kind: "dataplane" };
}

function wirePoint(layout: TopologyLayout, node: NodeBox, next?: TraceHop): HopPoint {
  const from = center(node);
  let to: { x: number; y: number } = center(layout.outside);
  if (next && !next.place.external && next.place.node && next.place.node !== node.node.name) {
    const other = layout.nodes.find((n) => n.node.name === next.place.node);
    if (other) to = center(other);
  }
  // Between the boxes: the gap where the two nodes' eth0 links meet.
  return { x: (from.x + to.x) / 2, y: Math.min(node.y, (from.y + to.y) / 2) - 8, kind: "wire" };
}

function center(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
