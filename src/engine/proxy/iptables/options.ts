/**
 * kube-proxy's iptables settings that change the rules it writes. Most come
 * from KubeProxyConfiguration; some describe the node (nfacct, random-fully).
 */
import type { ClusterConfig } from "../../api/configTypes";

export interface IptablesProxyOptions {
  /** The local-traffic detector's CIDR (`! -s CIDR`); `""` when kube-proxy has none (see localDetector.ts). */
  clusterCIDR: string;
  /** `--masquerade-bit` (default 14 → 0x4000). */
  masqueradeBit: number;
  /** `iptables.masqueradeAll`: masquerade every ClusterIP packet. */
  masqueradeAll: boolean;
  /** `iptables.localhostNodePorts` (default true): NodePorts answer on 127.0.0.1. */
  localhostNodePorts: boolean;
  /** `nodePortAddresses`: CIDRs whose node IPs accept NodePorts; empty = every local address. */
  nodePortAddresses: string[];
  /** The kernel has nfnetlink_acct, so kube-proxy adds its `-m nfacct` counters. */
  nfacct: boolean;
  /** The iptables binary supports `MASQUERADE --random-fully`. */
  randomFully: boolean;
  /** sysctl nf_conntrack_tcp_be_liberal=1 drops the INVALID rule from KUBE-FORWARD. */
  conntrackTCPLiberal: boolean;
  /**
   * How the mark is written in restore input: kube-proxy formats it with Go
   * `%#08x` (`0x00004000`); its unit tests' fake proxier writes `0x4000`.
   * iptables-save prints `0x4000` either way.
   */
  markFormat: "kube-proxy" | "unit-test";
  /** Above this many endpoints, kube-proxy drops per-endpoint comments ("large cluster mode"). */
  largeClusterEndpointsThreshold: number;
}

/**
 * kube-proxy's defaults on a modern node, for a cluster's resolved config; `localCIDR` is the
 * node's local-traffic detector CIDR (`localTrafficCIDR`), the pod subnet when not given.
 */
export function defaultIptablesOptions(
  config: ClusterConfig,
  localCIDR = config.podSubnet,
): IptablesProxyOptions {
  return {
    clusterCIDR: localCIDR,
    masqueradeBit: config.masqueradeBit,
    masqueradeAll: config.masqueradeAll === true,
    localhostNodePorts: true,
    nodePortAddresses: [],
    nfacct: true,
    randomFully: true,
    conntrackTCPLiberal: false,
    markFormat: "kube-proxy",
    largeClusterEndpointsThreshold: 1000,
  };
}

/** The masquerade mark as kube-proxy writes it. */
export function masqueradeMarkText(o: IptablesProxyOptions): string {
  const mark = (1 << o.masqueradeBit) >>> 0;
  if (o.markFormat === "unit-test") return `0x${mark.toString(16)}`;
  return `0x${mark.toString(16).padStart(8, "0")}`;
}
