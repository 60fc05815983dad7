/**
 * Resolves the cluster's configuration from the stored config kinds, with
 * kubeadm's, kubelet's and kube-proxy's defaults for what they leave out.
 */
import { defaultClusterConfig } from "../cluster";
import type { ClusterConfig, IpvsScheduler, ProxyMode } from "./configTypes";
import { IPVS_SCHEDULERS, PROXY_MODES } from "./configTypes";
import { numberToIp, parseCidr } from "./ipv4";
import type { ObjectStore } from "./store";
import type { KindMap } from "./types";

/** ClusterConfig plus kubelet's own clusterDomain (which pods' resolv.conf uses). */
export type ResolvedClusterConfig = ClusterConfig & {
  /** KubeletConfiguration `clusterDomain`; defaults to the ClusterConfiguration's dnsDomain. */
  clusterDomain: string;
};

/** The n-th address of a CIDR counted from the network address (kubeadm's `GetIndexedIP`). */
export function indexedIP(cidr: string, n: number): string | undefined {
  const net = parseCidr(cidr);
  if (!net || n >= net.size) return undefined;
  return numberToIp(net.network + n);
}

/** Reads ClusterConfiguration, KubeletConfiguration, KubeProxyConfiguration and IPAddressPools. */
export function resolveClusterConfig(store: ObjectStore): ResolvedClusterConfig {
  return resolveFrom((kind) => store.list(kind));
}

/** Lists the stored config kinds (or a candidate view of them). */
export type ConfigLister = <
  K extends "ClusterConfiguration" | "KubeletConfiguration" | "KubeProxyConfiguration" | "IPAddressPool",
>(
  kind: K,
) => KindMap[K][];

/** `resolveClusterConfig` over any view of the config objects. */
export function resolveFrom(list: ConfigLister): ResolvedClusterConfig {
  const cfg: ClusterConfig = defaultClusterConfig();
  const cc = list("ClusterConfiguration")[0];
  if (cc?.kubernetesVersion) cfg.kubernetesVersion = normalizeVersion(cc.kubernetesVersion);
  if (cc?.networking?.serviceSubnet) cfg.serviceSubnet = cc.networking.serviceSubnet;
  if (cc?.networking?.podSubnet) cfg.podSubnet = cc.networking.podSubnet;
  if (cc?.networking?.dnsDomain) cfg.dnsDomain = cc.networking.dnsDomain;
  const range = nodePortRangeArg(cc?.apiServer?.extraArgs);
  if (range) cfg.nodePortRange = range;
  // kubeadm points kubelet at the 10th address of the service subnet.
  cfg.clusterDNS = [indexedIP(cfg.serviceSubnet, 10) ?? "10.96.0.10"];
  const kubelet = list("KubeletConfiguration")[0];
  if (kubelet?.clusterDNS?.length) cfg.clusterDNS = [...kubelet.clusterDNS];
  const proxy = list("KubeProxyConfiguration")[0];
  // An empty mode means iptables on Linux; an empty scheduler means rr.
  if (proxy?.mode && (PROXY_MODES as readonly string[]).includes(proxy.mode))
    cfg.proxyMode = proxy.mode as ProxyMode;
  const sched = proxy?.ipvs?.scheduler;
  if (sched && (IPVS_SCHEDULERS as readonly string[]).includes(sched))
    cfg.ipvsScheduler = sched as IpvsScheduler;
  // kube-proxy reads the nftables block in nftables mode, the iptables block otherwise.
  const masq = cfg.proxyMode === "nftables" ? proxy?.nftables : proxy?.iptables;
  // `masqueradeBit: null` (as kubeadm writes it) is unset: kube-proxy's default, 14.
  if (typeof masq?.masqueradeBit === "number") cfg.masqueradeBit = masq.masqueradeBit;
  if (masq?.masqueradeAll) cfg.masqueradeAll = true;
  if (typeof proxy?.clusterCIDR === "string") cfg.clusterCIDR = proxy.clusterCIDR;
  if (proxy?.detectLocalMode === "NodeCIDR") cfg.detectLocalMode = "NodeCIDR";
  cfg.loadBalancerPools = list("IPAddressPool").map((p) => ({
    name: p.metadata.name,
    addresses: [...(p.spec?.addresses ?? [])],
    autoAssign: p.spec?.autoAssign !== false,
  }));
  return { ...cfg, clusterDomain: kubelet?.clusterDomain || cfg.dnsDomain };
}

function normalizeVersion(v: string): string {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(v.trim());
  return m ? `v${m[1]}.${m[2]}.${m[3] ?? "0"}` : v;
}

/** `--service-node-port-range` from the apiServer's extraArgs (v1beta3 map or v1beta4 list). */
function nodePortRangeArg(
  args: Record<string, string> | { name: string; value: string }[] | undefined,
): ClusterConfig["nodePortRange"] | undefined {
  if (!args) return undefined;
  const value = Array.isArray(args)
    ? args.find((a) => a.name === "service-node-port-range")?.value
    : args["service-node-port-range"];
  const m = value ? /^(\d+)-(\d+)$/.exec(value) : null;
  if (!m) return undefined;
  const base = Number(m[1]);
  const last = Number(m[2]);
  return last >= base ? { base, size: last - base + 1 } : undefined;
}
