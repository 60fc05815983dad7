/**
 * Draws the still parts of the diagram with d3 data joins: the Services band (namespace frames,
 * Service boxes, the outside client), the nodes with their data-plane strips and namespace bands,
 * the pods, and the lines from each Service to its endpoint pods. The pods, thousands on a real
 * cluster, are drawn in chunks of their own, each a step (drawQueue.ts runs them over frames).
 */
import { select } from "d3";
import { drawEdges } from "./drawEdges";
import { drawNodes } from "./drawNodes";
import { drawPods } from "./drawPods";
import { drawServices } from "./drawServices";
import type { Elements, G, Layers, StaticEvents, StaticLabels } from "./drawTypes";
import type { TopologyLayout } from "./layout";

export type { Layers, Selected, StaticLabels } from "./drawTypes";

/** Pods drawn in one step: a few milliseconds of joins, and of style and layout for the frame. */
export const POD_CHUNK = 125;
/** Nodes drawn in one step: each is a dozen elements, its namespaces' bands and measured labels. */
export const NODE_CHUNK = 10;

/**
 * The steps that draw `layout` into the layers, in order: the Services band, the nodes a chunk at
 * a time and the lines first, then the pods a chunk at a time. Each step records its glyphs'
 * elements in `elements` by `kind:key`.
 */
export function drawSteps(
  layers: Layers,
  layout: TopologyLayout,
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): (() => void)[] {
  const steps = [() => drawServices(layers, layout, labels, events, elements)];
  // A chunk's group stays from one drawing to the next: a redraw updates its glyphs in place.
  for (const into of chunkGroups(layers.nodes, "topo-node-chunk", layout.nodes, NODE_CHUNK))
    steps.push(() => drawNodes(into.g, into.chunk, labels, events, elements));
  steps.push(() => drawEdges(layers, layout));
  for (const into of chunkGroups(layers.pods, "topo-pod-chunk", Object.values(layout.pods), POD_CHUNK))
    steps.push(() => drawPods(into.g, into.chunk, labels, events, elements));
  return steps;
}

/** `list` cut in chunks of `size`, each with its group in `layer` (joined: extra groups go). */
function chunkGroups<T>(layer: G, name: string, list: readonly T[], size: number): { g: G; chunk: T[] }[] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  const out: { g: G; chunk: T[] }[] = [];
  layer
    .selectAll<SVGGElement, T[]>(`g.${name}`)
    .data(chunks)
    .join("g")
    .attr("class", name)
    .each(function (chunk) {
      out.push({ g: select(this), chunk });
    });
  return out;
}
