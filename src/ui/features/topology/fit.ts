/**
 * The type scale the diagram is laid out at: the largest in [min, max] at which the whole cluster
 * fits the panel, so a small cluster fills its panel with large type and a big one keeps at least
 * the base size `min` (the host's label floor: laid out as wide as the panel at that scale, taller
 * than it, for the view to frame what matters now). Pure.
 */
import type { TopologyView } from "../../../engine/view/topology";
import {
  layoutHeight,
  layoutTopology,
  type PreparedView,
  prepareLayout,
  type TopologyLayout,
  WORLD_WIDTH,
} from "./layout";

export interface FitResult {
  layout: TopologyLayout;
  /** World units per screen pixel the layout was made for: at this zoom it fills the panel. */
  scale: number;
}

/** How much larger than the base a small cluster's type may grow to fill its panel. */
export const MAX_GROWTH = 1.6;
const STEPS = 7;

/**
 * Lays `view` out for a panel of `width` × `height` px at the largest scale in [min, max] that fits.
 * When none fits: the layout made for `min`, or (`all`: the user asked to see the whole cluster
 * on a panel whose floor is above the base size) the layout that shows all of it largest.
 * `prepared`: `prepareLayout(view)` when the caller keeps it (a view laid out again on a resize).
 */
export function fitLayout(
  view: TopologyView,
  width: number,
  height: number,
  min = 1,
  {
    max = min * MAX_GROWTH,
    all = false,
    prepared = prepareLayout(view),
  }: { max?: number; all?: boolean; prepared?: PreparedView } = {},
): FitResult {
  if (width <= 0 || height <= 0) return { layout: layoutTopology(view, undefined, prepared), scale: 1 };
  // Scales are tried by the height they lay out to; only the chosen one is laid out in full.
  const size = (s: number) => ({ width: width / s, height: height / s });
  const heightAt = (s: number) => layoutHeight(prepared, size(s));
  const at = (s: number) => layoutTopology(view, size(s), prepared);
  const fits = (h: number, s: number) => h * s <= height + 0.5;
  let lo = min;
  if (!fits(heightAt(min), min))
    return all && min > 1 ? largestZoom(heightAt, at, width, height, min) : { layout: at(min), scale: min };
  if (fits(heightAt(max), max)) return { layout: at(max), scale: max };
  let hi = max;
  for (let i = 0; i < STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (fits(heightAt(mid), mid)) lo = mid;
    else hi = mid;
  }
  return { layout: at(lo), scale: lo };
}

export { WORLD_WIDTH };

/** How many layouts between a large type scale and 1 are tried when the large one does not fit. */
const WIDE_STEPS = 12;

/**
 * The whole cluster on a panel that asks for type larger than 1 (a room's screen) and cannot fit
 * it at that scale: of the layouts made for scales between 1 and `min` (a smaller scale lays the
 * nodes out wider, in fewer rows), the one that comes out largest once zoomed to fit the panel.
 */
function largestZoom(
  heightAt: (s: number) => number,
  at: (s: number) => TopologyLayout,
  width: number,
  height: number,
  min: number,
): FitResult {
  let best: { at: number; zoom: number } | null = null;
  for (let i = 0; i <= WIDE_STEPS; i++) {
    const s = min - ((min - 1) * i) / WIDE_STEPS;
    // A layout is as wide as it was laid out for: `width / s`.
    const zoom = Math.min(width / (width / s), height / heightAt(s));
    if (!best || zoom > best.zoom) best = { at: s, zoom };
  }
  return { layout: at(best!.at), scale: best!.zoom };
}
