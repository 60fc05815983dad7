import type { TopologyView } from "../../../engine/view/topology";

/**
 * How many Services the cluster has. A view of a huge cluster may carry only
 * the first Services and say how many there are in all (`serviceCount`):
 * cloning 10,000 of them to the page after every command blocks it.
 */
export function serviceTotal(view: TopologyView): number {
  if ("serviceCount" in view && typeof view.serviceCount === "number")
    return Math.max(view.serviceCount, view.services.length);
  return view.services.length;
}
