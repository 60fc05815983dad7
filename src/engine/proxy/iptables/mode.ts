/** kube-proxy's iptables mode as a ProxyModeImpl. */
import type { ProxyInput, ProxyModeImpl } from "../types";
import { buildIptablesDataPlane, type IptablesDataPlane } from "./dataPlane";
import type { IptablesProxyOptions } from "./options";

export interface IptablesMode extends ProxyModeImpl {
  readonly mode: "iptables";
  build(input: ProxyInput, node: string): IptablesDataPlane;
}

/** The mode; `overrides` change kube-proxy settings the cluster config does not carry. */
export function createIptablesMode(overrides: Partial<IptablesProxyOptions> = {}): IptablesMode {
  return {
    mode: "iptables",
    build: (input, node) => buildIptablesDataPlane(input, node, overrides),
  };
}
