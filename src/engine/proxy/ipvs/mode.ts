/**
 * kube-proxy's IPVS mode as a ProxyModeImpl. It remembers each node's data
 * plane so connections, scheduler positions and draining servers survive
 * re-syncs, as they do in the kernel.
 */
import type { ProxyInput, ProxyModeImpl } from "../types";
import { IpvsDataPlane } from "./dataplane";

export interface IpvsMode extends ProxyModeImpl {
  build(input: ProxyInput, node: string): IpvsDataPlane;
  /** The node's data plane, if built (for ipvsadm/ipset/ip commands). */
  dataPlane(node: string): IpvsDataPlane | undefined;
}

/** Creates the IPVS mode; one per simulation. */
export function createIpvsMode(): IpvsMode {
  const planes = new Map<string, IpvsDataPlane>();
  return {
    mode: "ipvs",
    build(input, node) {
      let dp = planes.get(node);
      if (!dp) {
        dp = new IpvsDataPlane(node);
        planes.set(node, dp);
      }
      dp.sync(input);
      return dp;
    },
    dataPlane: (node) => planes.get(node),
  };
}
