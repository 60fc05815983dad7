/**
 * `ip addr show kube-ipvs0`: the dummy interface as iproute2 prints it
 * (state DOWN, NOARP, qdisc noop; each service address a /32 with scope global).
 */
import type { IpvsNodeState } from "../model";

/** The interface block; `index` is the link's ifindex on the node. */
export function renderKubeIpvs0(state: Pick<IpvsNodeState, "mac" | "ipvsAddresses">, index: number): string {
  let out = `${index}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default \n`;
  out += `    link/ether ${state.mac} brd ff:ff:ff:ff:ff:ff\n`;
  for (const ip of state.ipvsAddresses) {
    out += `    inet ${ip}/32 scope global kube-ipvs0\n       valid_lft forever preferred_lft forever\n`;
  }
  return out;
}
