/**
 * LoadBalancer ingress addresses from MetalLB IPAddressPools, as MetalLB's
 * controller assigns them: the lowest free address of the first pool with room.
 */
import type { ClusterConfig } from "./configTypes";
import { ipToNumber, numberToIp, parseCidr } from "./ipv4";

interface PoolRange {
  first: number;
  last: number;
}

interface Pool {
  name: string;
  autoAssign: boolean;
  ranges: PoolRange[];
  /** Offset below which every address is known to be taken. */
  cursor: number;
  size: number;
}

/**
 * Parses one `spec.addresses` entry: `192.168.1.0/24` or
 * `192.168.1.10-192.168.1.20`. Undefined when it is neither.
 */
export function parsePoolAddresses(entry: string): PoolRange | undefined {
  const dash = entry.indexOf("-");
  if (dash >= 0) {
    const first = ipToNumber(entry.slice(0, dash).trim());
    const last = ipToNumber(entry.slice(dash + 1).trim());
    if (first === undefined || last === undefined || last < first) return undefined;
    return { first, last };
  }
  const net = parseCidr(entry.trim());
  // NOTE: MetalLB hands out a CIDR's network and broadcast addresses too unless
  // the pool sets avoidBuggyIPs; we do the same (no avoidBuggyIPs support).
  return net ? { first: net.network, last: net.network + net.size - 1 } : undefined;
}

export class LbAllocator {
  private readonly pools: Pool[];
  private readonly used = new Set<number>();

  constructor(pools: ClusterConfig["loadBalancerPools"]) {
    this.pools = pools.map((p) => {
      const ranges = p.addresses.map(parsePoolAddresses).filter((r): r is PoolRange => r !== undefined);
      return {
        name: p.name,
        autoAssign: p.autoAssign,
        ranges,
        cursor: 0,
        size: ranges.reduce((n, r) => n + r.last - r.first + 1, 0),
      };
    });
  }

  /** True when some pool may assign addresses automatically. */
  get canAssign(): boolean {
    return this.pools.some((p) => p.autoAssign && p.size > 0);
  }

  /** Marks an address (already assigned to a Service) as used. */
  reserve(ip: string): void {
    const n = ipToNumber(ip);
    if (n !== undefined) this.used.add(n);
  }

  /** The lowest free address of the first auto-assigning pool with room. */
  allocateNext(): string | undefined {
    for (const pool of this.pools) {
      if (!pool.autoAssign) continue;
      for (let off = pool.cursor; off < pool.size; off++) {
        const n = addressAt(pool, off);
        if (this.used.has(n)) continue;
        pool.cursor = off + 1;
        this.used.add(n);
        return numberToIp(n);
      }
      pool.cursor = pool.size;
    }
    return undefined;
  }

  release(ip: string): void {
    const n = ipToNumber(ip);
    if (n === undefined || !this.used.delete(n)) return;
    for (const pool of this.pools) {
      const off = offsetOf(pool, n);
      if (off !== undefined && off < pool.cursor) pool.cursor = off;
    }
  }
}

function addressAt(pool: Pool, off: number): number {
  let rest = off;
  for (const r of pool.ranges) {
    const n = r.last - r.first + 1;
    if (rest < n) return r.first + rest;
    rest -= n;
  }
  throw new RangeError("offset outside pool");
}

function offsetOf(pool: Pool, ip: number): number | undefined {
  let base = 0;
  for (const r of pool.ranges) {
    if (ip >= r.first && ip <= r.last) return base + ip - r.first;
    base += r.last - r.first + 1;
  }
  return undefined;
}
