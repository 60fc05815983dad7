/**
 * Where the diagram's view goes when nobody zoomed it: the whole cluster when that keeps every
 * label readable, otherwise (on a desktop-shaped panel) what matters now, at a zoom that keeps
 * labels at least the host's floor (MIN_LABEL_PX on a laptop, more for a room). Pure: numbers in,
 * a transform out.
 */
import type { Box } from "./layout";
import { FONT } from "./metrics";
import type { ZoomTransform } from "./zoomTransform";

/** The smallest label a student reads without squinting at a laptop, in screen px. */
export const MIN_LABEL_PX = 13;

/** The zoom at which the smallest text (FONT.text world units) is `px` screen pixels. */
export function zoomForLabel(px: number): number {
  return px / Math.min(FONT.text, FONT.badge);
}

/** The zoom below which the smallest text falls under MIN_LABEL_PX. */
export const READABLE_ZOOM = zoomForLabel(MIN_LABEL_PX);
/** Below this width a tall panel (a phone) fits the diagram's width, not its whole height. */
export const NARROW = 600;
/** Room kept around the framed boxes, in world units. */
const MARGIN = 32;

/**
 * The view of a layout of `size` in `area`: all of it when its fitting zoom keeps labels
 * readable (at least `readable`, the host's floor; or the user asked for all); a narrow, tall
 * panel fits the width (the user pans down); otherwise the first of `focus` (widest first) that
 * fits at `readable` (else the last), centred at the zoom `scale` the layout was made for (or
 * less, down to `readable`, to show all of it; a box still larger than the area shows from its
 * top left), keeping the layout over the area where it can.
 */
export function frameView(
  area: Box,
  size: { width: number; height: number },
  scale: number,
  focus: readonly Box[],
  all: boolean,
  readable = READABLE_ZOOM,
): ZoomTransform {
  const fitK = Math.min(area.w / size.width, area.h / size.height);
  const narrow = area.w < NARROW && area.h > area.w;
  if (narrow && fitK < scale) {
    const k = Math.min(scale, area.w / size.width);
    return centred(area, size, k, 0);
  }
  if (all || fitK >= readable || !focus.length) {
    return centred(area, size, fitK, Math.max(0, (area.h - size.height * fitK) / 2));
  }
  const pad = (b: Box) => ({ x: b.x - MARGIN, y: b.y - MARGIN, w: b.w + 2 * MARGIN, h: b.h + 2 * MARGIN });
  const zoomFor = (b: Box) => Math.min(area.w / b.w, area.h / b.h);
  const padded = focus.map(pad).find((b) => zoomFor(b) >= readable) ?? pad(focus[focus.length - 1]!);
  const focusK = zoomFor(padded);
  const k = Math.max(readable, Math.min(scale, focusK));
  const axis = (from: number, span: number, at: number, len: number, world: number) => {
    const shown = world * k;
    if (shown <= span) return from + (span - shown) / 2;
    // A box the area cannot hold shows its start (the Services' band, the client's side) whole.
    const x = len * k > span ? from - at * k : from + span / 2 - (at + len / 2) * k;
    return Math.min(from, Math.max(from + span - shown, x));
  };
  const x = axis(area.x, area.w, padded.x, padded.w, size.width);
  const y = axis(area.y, area.h, padded.y, padded.h, size.height);
  return { x, y, k };
}

function centred(area: Box, size: { width: number }, k: number, dy: number): ZoomTransform {
  return { x: area.x + (area.w - size.width * k) / 2, y: area.y + dy, k };
}

/** The smallest box around `boxes`, or null for none. */
export function union(boxes: readonly (Box | undefined)[]): Box | null {
  const all = boxes.filter((b): b is Box => b !== undefined);
  if (!all.length) return null;
  const x = Math.min(...all.map((b) => b.x));
  const y = Math.min(...all.map((b) => b.y));
  const r = Math.max(...all.map((b) => b.x + b.w));
  const bottom = Math.max(...all.map((b) => b.y + b.h));
  return { x, y, w: r - x, h: bottom - y };
}

/** Which edges of `area` have some of the layout beyond them under `t` (the view's edge hints). */
export function edgesBeyond(
  area: Box,
  size: { width: number; height: number },
  t: ZoomTransform,
): { top: boolean; right: boolean; bottom: boolean; left: boolean } {
  const slack = 2;
  return {
    left: t.x < area.x - slack,
    top: t.y < area.y - slack,
    right: t.x + size.width * t.k > area.x + area.w + slack,
    bottom: t.y + size.height * t.k > area.y + area.h + slack,
  };
}
