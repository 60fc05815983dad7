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
import type { Elements, Layers, StaticEvents, StaticLabels } from "./drawTypes";
import type { PodBox, TopologyLayout } from "./layout";

export type { Layers, Selected, StaticLabels } from "./drawTypes";

/** Pods drawn in one step: a few milliseconds of joins, and of style and layout for the frame. */
export const POD_CHUNK = 250;

/**
 * The steps that draw `layout` into the layers, in order: the Services band, the nodes and the
 * lines first, then the pods a chunk at a time. Each step records its glyphs' elements in `elements` by `kind:key`.
 */
export function drawSteps(
  layers: Layers,
  layout: TopologyLayout,
  labels: StaticLabels,
  events: StaticEvents,
  elements: Elements,
): (() => void)[] {
  const pods = Object.values(layout.pods);
  const chunks: PodBox[][] = [];
  for (let i = 0; i < pods.length; i += POD_CHUNK) chunks.push(pods.slice(i, i + POD_CHUNK));
  // Each a step of its own: on a big cluster each is milliseconds of joins.
  const steps = [
    () => drawServices(layers, layout, labels, events, elements),
    () => drawNodes(layers, layout.nodes, labels, events, elements),
    () => drawEdges(layers, layout),
  ];
  // A chunk's group stays from one drawing to the next: a redraw updates its pods in place.
  layers.pods
    .selectAll<SVGGElement, PodBox[]>("g.topo-pod-chunk")
    .data(chunks)
    .join("g")
    .attr("class", "topo-pod-chunk")
    .each(function (chunk) {
      const into = select(this);
      steps.push(() => drawPods(into, chunk, labels, events, elements));
    });
  return steps;
}
