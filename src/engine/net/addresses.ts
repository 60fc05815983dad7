/**
 * Who holds which address: node InternalIPs, node podCIDRs and their cni0
 * bridge address, pod IPs and the node each pod runs on, and Service
 * addresses (ClusterIPs, externalIPs, LoadBalancer ingress IPs).
 * Kept current from the store's events (addressIndex.ts), so a packet never
 * scans the store.
 */
import type { ProxyMode } from "../api/configTypes";
import { type Cidr, ipToNumber } from "../api/ipv4";
import type { Pod, Service } from "../api/types";

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
  /** The podCIDR as text (`10.244.1.0/24`), for route lines. */
  podCidrText?: string;
}

export interface PodAddress {
  namespace: string;
  name: string;
  ip?: string;
  node?: string;
  hostNetwork: boolean;
  pod: Pod;
  /** The host-side veth name, once `vethName` has derived it. */
  veth?: string;
}

/** Every address in the cluster, indexed for per-packet lookups. */
export interface AddressIndex {
  mode: ProxyMode;
  nodes: NodeAddress[];
  /** `nodes`' podCIDRs, for `nodeOfPodIp`. */
  podCidrs: CidrLookup;
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

/** podCIDRs grouped by prefix length: network → position in `nodes`. */
export type CidrLookup = Map<number, Map<number, number>>;

/** The lookup `nodeOfPodIp` probes, for a list of nodes. */
export function cidrLookup(nodes: readonly NodeAddress[]): CidrLookup {
  const l: CidrLookup = new Map();
  nodes.forEach((node, pos) => {
    const c = node.podCidr;
    if (!c || c.prefix === 0) return;
    let byNet = l.get(c.prefix);
    if (!byNet) {
      byNet = new Map();
      l.set(c.prefix, byNet);
    }
    if (!byNet.has(c.network)) byNet.set(c.network, pos);
  });
  return l;
}

/** The node a pod-network IP belongs to, by podCIDR (whether or not a pod holds it now). */
export function nodeOfPodIp(index: AddressIndex, ip: string): NodeAddress | undefined {
  const n = ipToNumber(ip);
  if (n === undefined) return undefined;
  // The first node in list order whose podCIDR holds the address: one hash probe per prefix length.
  let best = -1;
  for (const [bits, byNet] of index.podCidrs) {
    const pos = byNet.get(((n >>> (32 - bits)) << (32 - bits)) >>> 0);
    if (pos !== undefined && (best < 0 || pos < best)) best = pos;
  }
  return best < 0 ? undefined : index.nodes[best];
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
