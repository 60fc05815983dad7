/**
 * The selected packet's path over the diagram (request, reply and DNS legs
 * in their own colours, hops passed so far marked) and the work the data
 * plane does at the current hop: a linear walk fills the node's strip in
 * proportion to the rules tested; a hash lookup flashes it once.
 */
import type { Selection } from "d3";
import type { Trace, TraceHop } from "../../../engine/net/types";
import type { HopPoint } from "./hopPosition";
import type { NodeBox } from "./layout";

type G = Selection<SVGGElement, unknown, null, undefined>;

interface Leg {
  direction: TraceHop["direction"];
  d: string;
}

/** Splits the hop points into legs of one direction each, joined end to end. */
export function legsOf(trace: Trace, points: HopPoint[]): Leg[] {
  const legs: Leg[] = [];
  let prev: HopPoint | undefined;
  trace.hops.forEach((h, i) => {
    const p = points[i];
    if (!p) return;
    const last = legs[legs.length - 1];
    if (!last || last.direction !== h.direction) {
      legs.push({ direction: h.direction, d: `M${(prev ?? p).x},${(prev ?? p).y}L${p.x},${p.y}` });
    } else {
      last.d += `L${p.x},${p.y}`;
    }
    prev = p;
  });
  return legs;
}

export function drawTracePath(layer: G, trace: Trace | null, points: HopPoint[], hop: number): void {
  layer
    .selectAll<SVGPathElement, Leg>("path")
    .data(trace ? legsOf(trace, points) : [])
    .join("path")
    .attr("class", (d) => `topo-path ${d.direction}`)
    .attr("d", (d) => d.d);
  layer
    .selectAll<SVGCircleElement, HopPoint>("circle")
    .data(trace ? points : [])
    .join("circle")
    .attr("class", (_, i) => `topo-hop ${trace?.hops[i]?.direction ?? ""}${i <= hop ? " passed" : ""}`)
    .attr("cx", (d) => d.x)
    .attr("cy", (d) => d.y)
    .attr("r", 4);
}

/**
 * The strip fills animating in each nodes layer. Kept here rather than asked of the elements:
 * `getAnimations()` brings the whole page's style up to date first, which right after a big
 * cluster's diagram was built is the style of thousands of new elements, in the script's task.
 */
const filling = new WeakMap<SVGGElement, Animation[]>();

/** Clears every strip of the work shown on it. */
export function clearDataPlaneWork(nodes: G): void {
  nodes.selectAll<SVGGElement, NodeBox>("g.topo-node.lookup-hit").classed("lookup-hit", false);
  const layer = nodes.node();
  if (!layer) return;
  for (const a of filling.get(layer) ?? []) a.cancel();
  filling.delete(layer);
}

/** Shows the current hop's cost on its node's data-plane strip (0 ms: at once, for reduced motion). */
export function showDataPlaneWork(
  nodes: G,
  hop: TraceHop,
  node: NodeBox | undefined,
  durationMs: number,
): void {
  clearDataPlaneWork(nodes);
  const groups = nodes.selectAll<SVGGElement, NodeBox>("g.topo-node");
  if (!node || hop.place.pod) return;
  const g = groups.filter((d) => d.node.name === node.node.name);
  const { rulesEvaluated, lookups } = hop.cost;
  if (rulesEvaluated > 0) {
    const share = Math.min(1, rulesEvaluated / Math.max(node.dataPlane.count, rulesEvaluated));
    const fill = g.select<SVGRectElement>(".topo-dp-fill").node();
    const animation = fill?.animate?.(
      [{ transform: "scaleX(0)" }, { transform: `scaleX(${Math.max(share, 0.01)})` }],
      {
        duration: Math.max(durationMs, 1),
        easing: "linear",
        fill: "forwards",
      },
    );
    const layer = nodes.node();
    if (animation && layer) filling.set(layer, [...(filling.get(layer) ?? []), animation]);
  } else if (lookups > 0) {
    g.classed("lookup-hit", true);
  }
}
