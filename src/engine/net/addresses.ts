/**
 * Who holds which address: node InternalIPs, node podCIDRs and their cni0
 * bridge address, pod IPs and the node each pod runs on, and Service
 * addresses (ClusterIPs, externalIPs, LoadBalancer ingress IPs).
 * Built from the store once per store revision, so a packet never scans it.
 */
import type { ProxyMode } from "../api/configTypes";
import type { Pod, Service } from "../api/types";
import type { Cluster } from "../cluster";
import { type Cidr, firstHost, ipToInt, parseCidr } from "./ip";

/** The documentation address (RFC 5737 TEST-NET-3) our outside client uses. */
export const EXTERNAL_CLIENT_IP = "203.0.113.10";

export interface NodeAddress {
  name: string;
  /** status.addresses InternalIP. */
  ip?: string;
  /** spec.podCIDR, parsed. */
  podCidr?: Cidr;
  /** The cni0 bridge address: the podCIDR's first host (10.244.X.1). */
  bridgeIp?: string;
}

export interface PodAddress {
  namespace: string;
  name: string;
  ip?: string;
  node?: string;
  hostNetwork: boolean;
  pod: Pod;
}

/** Every address in the cluster, indexed for per-packet lookups. */
export interface AddressIndex {
  mode: ProxyMode;
  nodes: NodeAddress[];
  nodeByName: Map<string, NodeAddress>;
  nodeByIp: Map<string, NodeAddress>;
  /** Pod-network pods by IP (hostNetwork pods share their node's IP and are not listed). */
  podByIp: Map<string, PodAddress>;
  /** `namespace/name` → pod. */
  podByName: Map<string, PodAddress>;
  /** Pods on each node, in store order. */
  podsByNode: Map<string, PodAddress[]>;
  /** ClusterIPs → Service. */
  clusterIps: Map<string, Service>;
  /** LoadBalancer ingress IPs and externalIPs → Service. */
  externalIps: Map<string, Service>;
}

const cache = new WeakMap<Cluster, { rv: number; mode: ProxyMode; index: AddressIndex }>();

/** The address index for the store's current revision (rebuilt only after a change). */
export function addressIndex(cluster: Cluster): AddressIndex {
  const rv = cluster.store.resourceVersion;
  const mode = cluster.config.proxyMode;
  const hit = cache.get(cluster);
  if (hit && hit.rv === rv && hit.mode === mode) return hit.index;
  const index = buildIndex(cluster, mode);
  cache.set(cluster, { rv, mode, index });
  return index;
}

function buildIndex(cluster: Cluster, mode: ProxyMode): AddressIndex {
  const index: AddressIndex = {
    mode,
    nodes: [],
    nodeByName: new Map(),
    nodeByIp: new Map(),
    podByIp: new Map(),
    podByName: new Map(),
    podsByNode: new Map(),
    clusterIps: new Map(),
    externalIps: new Map(),
  };
  for (const node of cluster.store.list("Node")) {
    const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    const podCidr = node.spec?.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
    const entry: NodeAddress = {
      name: node.metadata.name,
      ip,
      podCidr,
      bridgeIp: podCidr && firstHost(podCidr),
    };
    index.nodes.push(entry);
    index.nodeByName.set(entry.name, entry);
    if (ip) index.nodeByIp.set(ip, entry);
    index.podsByNode.set(entry.name, []);
  }
  for (const pod of cluster.store.list("Pod")) {
    const entry: PodAddress = {
      namespace: pod.metadata.namespace ?? "default",
      name: pod.metadata.name,
      ip: pod.status?.podIP,
      node: pod.spec?.nodeName,
      hostNetwork: pod.spec?.hostNetwork === true,
      pod,
    };
    index.podByName.set(`${entry.namespace}/${entry.name}`, entry);
    if (entry.ip && !entry.hostNetwork && pod.metadata.deletionTimestamp === undefined) {
      index.podByIp.set(entry.ip, entry);
    }
    if (entry.node) index.podsByNode.get(entry.node)?.push(entry);
  }
  for (const svc of cluster.store.list("Service")) {
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) {
      if (ip !== "None") index.clusterIps.set(ip, svc);
    }
    for (const ip of svc.spec?.externalIPs ?? []) index.externalIps.set(ip, svc);
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) index.externalIps.set(ing.ip, svc);
  }
  return index;
}

/** The node a pod-network IP belongs to, by podCIDR (whether or not a pod holds it now). */
export function nodeOfPodIp(index: AddressIndex, ip: string): NodeAddress | undefined {
  const n = ipToInt(ip);
  if (Number.isNaN(n)) return undefined;
  for (const node of index.nodes) {
    const c = node.podCidr;
    if (c && c.bits > 0 && ((n >>> (32 - c.bits)) << (32 - c.bits)) >>> 0 === c.network) return node;
  }
  return undefined;
}

/**
 * Is `ip` an address of `node`'s root netns? Its InternalIP, its cni0
 * address, loopback, and — in IPVS mode — every Service address that
 * kube-proxy binds to the dummy `kube-ipvs0` interface.
 *
 * NOTE: the real test is the kernel's `local` routing table; we derive it
 * from the objects. In IPVS mode kube-proxy binds every ClusterIP,
 * externalIP and LoadBalancer ingress IP on every node.
 */
export function isLocalAddress(index: AddressIndex, node: string, ip: string): boolean {
  if (ip.startsWith("127.")) return true;
  const n = index.nodeByName.get(node);
  if (n && (n.ip === ip || n.bridgeIp === ip)) return true;
  if (index.mode === "ipvs") return index.clusterIps.has(ip) || index.externalIps.has(ip);
  return false;
}
