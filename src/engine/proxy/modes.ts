import type { ProxyMode } from "../api/configTypes";
import { createIptablesMode } from "./iptables/mode";
import { createIpvsMode } from "./ipvs";
import { nftablesMode } from "./nftables";
import type { ProxyModeImpl } from "./types";

/**
 * kube-proxy's three modes, fresh for one simulation (IPVS keeps per-node
 * connection state across syncs, so modes are never shared).
 */
export function createProxyModes(): Record<ProxyMode, ProxyModeImpl> {
  return { iptables: createIptablesMode(), ipvs: createIpvsMode(), nftables: nftablesMode };
}
