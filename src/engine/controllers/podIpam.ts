/**
 * Per-node pod IP allocation as the CNI `host-local` IPAM plugin does it:
 * addresses of the node's podCIDR from .2 (the bridge gateway takes .1) to
 * the last before broadcast, handed out round-robin after the last one
 * reserved, skipping addresses in use, and released when the pod is gone.
 */
import { type Cidr, cidrContains, type IPv4, ipToNumber, numberToIp } from "../api/ipv4";

interface NodePool {
  used: Map<number, string>;
  /** host-local's `last_reserved_ip`. */
  last: number | undefined;
}

/** Why a requested address could not be had. */
export type RequestError = "outside" | "taken";

/** Pod IP bookkeeping for every node. */
export class PodIpam {
  private readonly pools = new Map<string, NodePool>();
  private readonly byPod = new Map<string, { node: string; ip: number }>();

  private pool(node: string): NodePool {
    let p = this.pools.get(node);
    if (!p) {
      p = { used: new Map(), last: undefined };
      this.pools.set(node, p);
    }
    return p;
  }

  /** Records an address a pod already has (e.g. pods created with status.podIP). */
  register(podKey: string, node: string, ip: string): void {
    const n = ipToNumber(ip);
    if (n === undefined || this.byPod.has(podKey)) return;
    this.pool(node).used.set(n, podKey);
    this.byPod.set(podKey, { node, ip: n });
  }

  /** The address held by a pod, if any. */
  ipOf(podKey: string): string | undefined {
    const h = this.byPod.get(podKey);
    return h ? numberToIp(h.ip) : undefined;
  }

  /**
   * Next free address of the node's podCIDR, or undefined when the range is full. `taken` names
   * addresses held outside this pool (a VPC subnet's nodes and other nodes' pods).
   */
  allocate(podKey: string, node: string, cidr: Cidr, taken?: (ip: string) => boolean): string | undefined {
    const pool = this.pool(node);
    const first = cidr.network + 2;
    const last = cidr.network + cidr.size - 2;
    if (last < first) return undefined;
    const span = last - first + 1;
    const start = pool.last !== undefined && cidrContains(cidr, pool.last as IPv4) ? pool.last + 1 : first;
    for (let i = 0; i < span; i++) {
      const ip = first + ((start - first + i) % span);
      if (pool.used.has(ip) || taken?.(numberToIp(ip))) continue;
      pool.used.set(ip, podKey);
      pool.last = ip;
      this.byPod.set(podKey, { node, ip });
      return numberToIp(ip);
    }
    return undefined;
  }

  /** Reserves a specific address (Calico's `cni.projectcalico.org/ipAddrs`). */
  request(podKey: string, node: string, cidr: Cidr, ip: string): RequestError | undefined {
    const n = ipToNumber(ip);
    if (n === undefined || !cidrContains(cidr, n)) return "outside";
    const pool = this.pool(node);
    const holder = pool.used.get(n);
    if (holder !== undefined && holder !== podKey) return "taken";
    pool.used.set(n, podKey);
    this.byPod.set(podKey, { node, ip: n });
    return undefined;
  }

  /** Frees the pod's address. */
  release(podKey: string): void {
    const h = this.byPod.get(podKey);
    if (!h) return;
    this.byPod.delete(podKey);
    const pool = this.pools.get(h.node);
    if (pool?.used.get(h.ip) === podKey) pool.used.delete(h.ip);
  }
}
