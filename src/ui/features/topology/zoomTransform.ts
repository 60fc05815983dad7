/**
 * The diagram's pan and zoom as a value: screen = world × k + (x, y). Pure; the gestures that
 * change it live in viewport.ts.
 */
export interface ZoomTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** Zoom limits for the user's gestures and the zoom buttons (a fit may go beyond them). */
export const SCALE_EXTENT = [0.1, 8] as const;

export const identity: ZoomTransform = { x: 0, y: 0, k: 1 };

/** The screen point of world point `p`. */
export function apply(t: ZoomTransform, p: readonly [number, number]): [number, number] {
  return [p[0] * t.k + t.x, p[1] * t.k + t.y];
}

/** The SVG `transform` attribute for `t`. */
export function toAttribute(t: ZoomTransform): string {
  return `translate(${t.x},${t.y}) scale(${t.k})`;
}

/** `t` scaled by `factor` about the screen point `at` (which stays where it is), within the extent. */
export function scaleAbout(t: ZoomTransform, factor: number, at: readonly [number, number]): ZoomTransform {
  const k = Math.min(SCALE_EXTENT[1], Math.max(SCALE_EXTENT[0], t.k * factor));
  const wx = (at[0] - t.x) / t.k;
  const wy = (at[1] - t.y) / t.k;
  return { x: at[0] - wx * k, y: at[1] - wy * k, k };
}

/** `t` moved by (dx, dy) screen pixels. */
export function translateBy(t: ZoomTransform, dx: number, dy: number): ZoomTransform {
  return { x: t.x + dx, y: t.y + dy, k: t.k };
}

/**
 * How much a wheel event zooms: as d3-zoom reads it, so a mouse notch, a trackpad's scroll and a
 * trackpad's pinch (which browsers send as a wheel with ctrlKey) feel as they do elsewhere.
 */
export function wheelFactor(e: { deltaY: number; deltaMode: number; ctrlKey: boolean }): number {
  const delta = -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) * (e.ctrlKey ? 10 : 1);
  return 2 ** delta;
}
