/**
 * Pan and zoom of the diagram (d3-zoom: wheel, drag, pinch), fitting it to the panel between the
 * toolbars over its edges. A narrow, tall panel (a phone) fits the diagram's width and lets the
 * user pan down, rather than shrink its type below the base size.
 */
import { type Selection, type ZoomTransform, zoom, zoomIdentity } from "d3";
import type { Box, TopologyLayout } from "./layout";

export interface Insets {
  top: number;
  bottom: number;
}

export interface Viewport {
  transform(): ZoomTransform;
  /** The host's size, as last observed. */
  size(): { w: number; h: number };
  setSize(w: number, h: number): void;
  insets(): Insets;
  setInsets(insets: Insets): void;
  /** The area the diagram may use: the host minus the toolbars. */
  area(): Box;
  /** Whether the user zoomed or panned since the last fit (then relayouts keep their view). */
  userZoomed(): boolean;
  /** Fits `layout`, laid out for type scale `scale`, into the area. */
  fit(layout: TopologyLayout, scale: number): void;
  zoomBy(factor: number): void;
  /** Pans (keeping the zoom) so the world point `p` is in view, centring it on each axis it was off. */
  follow(p: { x: number; y: number }): void;
  /** Centres `box` at a zoom of at least 1.5. */
  reveal(box: Box): void;
  destroy(): void;
}

/** Below this width a tall panel fits the diagram's width, not its whole height. */
const NARROW = 600;
/** A followed packet is kept at least this far inside the panel's edges. */
const FOLLOW_MARGIN = 40;

export function createViewport(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  onZoom: (t: ZoomTransform, byUser: boolean) => void,
): Viewport {
  let t: ZoomTransform = zoomIdentity;
  let size = { w: 0, h: 0 };
  let insets: Insets = { top: 0, bottom: 0 };
  let byUser = false;
  const zoomer = zoom<SVGSVGElement, unknown>()
    // The svg fills the host: its extent is the host's size as last observed (d3's default
    // measures the svg, which forces a layout right after each redraw).
    .extent(() => [
      [0, 0],
      [size.w, size.h],
    ])
    .scaleExtent([0.1, 8])
    .on("zoom", (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
      t = e.transform;
      if (e.sourceEvent) byUser = true;
      onZoom(t, Boolean(e.sourceEvent));
    });
  svg.call(zoomer).on("dblclick.zoom", null);

  const area = (): Box => ({
    x: 0,
    y: insets.top,
    w: size.w,
    h: Math.max(0, size.h - insets.top - insets.bottom),
  });

  return {
    transform: () => t,
    size: () => size,
    setSize(w, h) {
      size = { w, h };
    },
    insets: () => insets,
    setInsets(next) {
      insets = next;
    },
    area,
    userZoomed: () => byUser,
    fit(layout, scale) {
      const a = area();
      if (!a.w || !a.h || !layout.width || !layout.height) return;
      let k = Math.min(a.w / layout.width, a.h / layout.height);
      if (a.w < NARROW && a.h > a.w && k < scale) k = Math.min(scale, a.w / layout.width);
      const x = a.x + (a.w - layout.width * k) / 2;
      const y = a.y + Math.max(0, (a.h - layout.height * k) / 2);
      byUser = false;
      svg.call(zoomer.transform, zoomIdentity.translate(x, y).scale(k));
    },
    zoomBy(factor) {
      const a = area();
      byUser = true;
      svg.call(zoomer.scaleBy, factor, [a.x + a.w / 2, a.y + a.h / 2]);
    },
    follow(p) {
      const a = area();
      const [sx, sy] = t.apply([p.x, p.y]);
      const margin = Math.min(FOLLOW_MARGIN, a.w / 4, a.h / 4);
      const off = (v: number, from: number, span: number) => v < from + margin || v > from + span - margin;
      const dx = off(sx, a.x, a.w) ? a.x + a.w / 2 - sx : 0;
      const dy = off(sy, a.y, a.h) ? a.y + a.h / 2 - sy : 0;
      if (dx || dy) svg.call(zoomer.transform, zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k));
    },
    reveal(box) {
      const a = area();
      const k = Math.max(t.k, 1.5);
      byUser = true;
      svg.call(
        zoomer.transform,
        zoomIdentity
          .translate(a.x + a.w / 2 - (box.x + box.w / 2) * k, a.y + a.h / 2 - (box.y + box.h / 2) * k)
          .scale(k),
      );
    },
    destroy() {
      svg.on(".zoom", null);
    },
  };
}
