/**
 * Draws the still parts of the diagram with d3 data joins: the Services band (namespace frames,
 * Service boxes, the outside client), the nodes with their data-plane strips and namespace bands,
 * the pods, and the lines from each Service to its endpoint pods.
 */
import { drawEdges } from "./drawEdges";
import { drawNodes } from "./drawNodes";
import { drawPods } from "./drawPods";
import { drawServices } from "./drawServices";
import type { Elements, Layers, StaticEvents, StaticLabels } from "./drawTypes";
import type { TopologyLayout } from "./layout";

export type { Layers, Selected, StaticLabels } from "./drawTypes";

/** Draws `layout` into the layers; returns every glyph's element by `kind:key`. */
export function drawStatic(
  layers: Layers,
  layout: TopologyLayout,
  labels: StaticLabels,
  events: StaticEvents,
): Elements {
  const elements: Elements = new Map();
  drawServices(layers, layout, labels, events, elements);
  drawNodes(layers, layout.nodes, labels, events, elements);
  drawPods(layers, Object.values(layout.pods), labels, events, elements);
  drawEdges(layers, layout);
  return elements;
}
