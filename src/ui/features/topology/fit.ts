/**
 * The type scale the diagram is laid out at: the largest in [min, max] at which the whole cluster
 * fits the panel, so a small cluster fills its panel with large type and a big one keeps at least
 * the base size (and is zoomed out to fit, or panned). Pure.
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

/** Lays `view` out for a panel of `width` × `height` px at the largest scale in [min, max] that fits. */
export function fitLayout(
  view: TopologyView,
  width: number,
  height: number,
  min = 1,
  max = min * MAX_GROWTH,
): FitResult {
  if (width <= 0 || height <= 0) return { layout: layoutTopology(view), scale: 1 };
  const at = (s: number) => layoutTopology(view, { width: width / s, height: height / s });
  const fits = (l: TopologyLayout, s: number) => l.height * s <= height + 0.5;
  let lo = min;
  let best = at(min);
  if (!fits(best, min)) return { layout: best, scale: min };
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
