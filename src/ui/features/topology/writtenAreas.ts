/**
 * Where the diagram writes what a reader looks for — a node's name and addresses, a Service's box,
 * a labelled pod's name — so the hop's callout covers as little of it as it can.
 */
import type { Box, TopologyLayout } from "./layout";
import { NODE } from "./metrics";

/** The boxes holding the diagram's names and addresses, in world units. */
export function writtenAreas(layout: TopologyLayout): Box[] {
  const areas: Box[] = [layout.outside];
  for (const n of layout.nodes) {
    areas.push({ x: n.x, y: n.y, w: n.w, h: NODE.header });
    for (const p of n.pods) if (!p.compact) areas.push(p);
  }
  for (const s of layout.services) areas.push(s);
  return areas;
}
