/** What the still parts of the diagram are drawn into, with, and report back. */
import type { Selection } from "d3";
import type { DataPlaneStrip } from "./layout";

export type G = Selection<SVGGElement, unknown, null, undefined>;

export interface Layers {
  /** Namespace frames of the Services band. */
  frames: G;
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

/** The diagram's own words, in the page's language. */
export interface StaticLabels {
  outside: string;
  moreServices: (n: number) => string;
  endpoints: (n: number) => string;
  notReady: string;
  dataPlane: (strip: DataPlaneStrip) => string;
}

export interface StaticEvents {
  onClick: (s: Selected) => void;
  /** The pointer entered a Service (its `service:key` id), or left it (null). */
  onHover: (id: string | null) => void;
}

/** Every glyph's element by `kind:key`. */
export type Elements = Map<string, SVGGraphicsElement>;
