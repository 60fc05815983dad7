/**
 * The type scale the diagram is laid out at: the largest in [min, max] at which the whole cluster
 * fits the panel, so a small cluster fills its panel with large type and a big one keeps at least
 * the base size `min` (the host's label floor: laid out as wide as the panel at that scale, taller
 * than it, for the view to frame what matters now). Pure.
 */
import type { TopologyView } from "../../../engine/view/topology";
import { layoutTopology, type TopologyLayout, WORLD_WIDTH } from "./layout";

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
 */
export function fitLayout(
  view: TopologyView,
  width: number,
  height: number,
  min = 1,
  { max = min * MAX_GROWTH, all = false }: { max?: number; all?: boolean } = {},
): FitResult {
  if (width <= 0 || height <= 0) return { layout: layoutTopology(view), scale: 1 };
  const at = (s: number) => layoutTopology(view, { width: width / s, height: height / s });
  const fits = (l: TopologyLayout, s: number) => l.height * s <= height + 0.5;
  let lo = min;
  let best = at(min);
  if (!fits(best, min))
    return all && min > 1 ? largestZoom(at, width, height, min) : { layout: best, scale: min };
  const top = at(max);
  if (fits(top, max)) return { layout: top, scale: max };
  let hi = max;
  for (let i = 0; i < STEPS; i++) {
    const mid = (lo + hi) / 2;
    const l = at(mid);
    if (fits(l, mid)) {
      lo = mid;
      best = l;
    } else hi = mid;
  }
  return { layout: best, scale: lo };
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
  at: (s: number) => TopologyLayout,
  width: number,
  height: number,
  min: number,
): FitResult {
  let best: FitResult | null = null;
  for (let i = 0; i <= WIDE_STEPS; i++) {
    const layout = at(min - ((min - 1) * i) / WIDE_STEPS);
    const zoom = Math.min(width / layout.width, height / layout.height);
    if (!best || zoom > best.scale) best = { layout, scale: zoom };
  }
  return best!;
}
