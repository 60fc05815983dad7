/** kube-proxy's iptables mode and the generic netfilter model it (and IPVS mode) builds on. */

export { endpointChainName, servicePortChains } from "./chainNames";
export { makeIptablesCommands, parseIptablesArgs } from "./commands";
export { buildIptablesDataPlane, type IptablesDataPlane } from "./dataPlane";
export { createIptablesMode, type IptablesMode } from "./mode";
export * from "./netfilter/index";
export { defaultIptablesOptions, type IptablesProxyOptions } from "./options";
