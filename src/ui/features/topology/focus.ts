/**
 * What matters now in the diagram, as boxes to frame when the whole cluster cannot be shown at a
 * readable size: the packet being walked (its client, Service and backend), else what the lesson
 * step or the user picked (a Service with its endpoint pods), else the Services' band. Candidates
 * come widest first; the view takes the first that fits at a readable zoom. Pure.
 */
import { union } from "./frame";
import type { HopPoint } from "./hopPosition";
import type { Box, TopologyLayout } from "./layout";
import { POD } from "./metrics";

/** The glyph box of `kind:key` in `layout`. */
export function boxOf(layout: TopologyLayout, id: string): Box | undefined {
  const [kind, key] = [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)];
  if (kind === "pod") return layout.pods[key];
  if (kind === "node") return layout.nodes.find((n) => n.node.name === key);
  return layout.services.find((s) => s.key === key);
}

/** A hop's place as a box the size of a pod glyph around it (a label's room). */
function around(p: HopPoint): Box {
  return { x: p.x - POD.minW / 2, y: p.y - POD.h / 2, w: POD.minW, h: POD.h };
}

/** A Service (`service:key`) with its endpoint pods; anything else on its own. */
function withEndpoints(layout: TopologyLayout, id: string): (Box | undefined)[] {
  const box = boxOf(layout, id);
  if (!id.startsWith("service:")) return [box];
  const endpoints = layout.services.find((s) => `service:${s.key}` === id)?.endpoints ?? [];
  return [box, ...endpoints.map((e) => layout.pods[e.pod])];
}

/**
 * Boxes to frame, widest first: the trace's hops (all, then the current one with its
 * neighbours, then the current one); else the picked ids (with a Service's endpoints, then
 * without); else the Services' band, then the first Service.
 */
export function focusCandidates(
  layout: TopologyLayout,
  points: readonly HopPoint[],
  hop: number,
  picked: readonly string[],
): Box[] {
  const keep = (boxes: (Box | null)[]) => boxes.filter((b): b is Box => b !== null);
  if (points.length) {
    const at = Math.max(0, Math.min(hop, points.length - 1));
    return keep([
      union(points.map(around)),
      union(points.slice(Math.max(0, at - 1), at + 2).map(around)),
      around(points[at]!),
    ]);
  }
  if (picked.length) {
    const found = keep([
      union(picked.flatMap((id) => withEndpoints(layout, id))),
      union(picked.map((id) => boxOf(layout, id))),
    ]);
    if (found.length) return found;
  }
  return keep([union(layout.services), union(layout.services.slice(0, 1)), union(layout.nodes.slice(0, 1))]);
}
