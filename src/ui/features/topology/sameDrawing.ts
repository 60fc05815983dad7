import type { TopologyView } from "../../../engine/view/topology";
import { serviceTotal } from "./serviceTotal";

/** Whether two views draw the same: no object changed (the store's revision), nor kube-proxy's mode and data planes. */
export function sameDrawing(a: TopologyView, b: TopologyView): boolean {
  return (
    a.revision === b.revision &&
    a.proxyMode === b.proxyMode &&
    a.ipvsScheduler === b.ipvsScheduler &&
    a.nodes.length === b.nodes.length &&
    a.nodes.every((n, i) => n.dataPlane?.primary === b.nodes[i]?.dataPlane?.primary) &&
    serviceTotal(a) === serviceTotal(b)
  );
}
