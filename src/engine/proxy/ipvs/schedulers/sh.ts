/**
 * sh — source hashing (ip_vs_sh.c). A 256-bucket table is filled by walking
 * the destination list round-robin, each destination taking `weight`
 * buckets in a row (a weight-0 one still takes one bucket, as the kernel's
 * `++d_count >= weight` test does). Bucket = hash_32(sport + saddr, 8), with
 * sport only under the `sh-port` flag.
 * NOTE: this is the current kernel (hash_32, since v4.x); older kernels used
 * (saddr * 2654435761) & 255 — see {@link multiplicativeHash}.
 */
import { ipToNumber } from "../../../api/ipv4";
import { hash32 } from "./hash";
import type { SchedDest, Scheduler } from "./types";

export const SH_TAB_BITS = 8;
export const SH_TAB_SIZE = 1 << SH_TAB_BITS;

export interface ShState {
  /** Destination key per bucket; built lazily. */
  buckets: (string | null)[] | null;
}

/** ip_vs_sh_reassign. */
export function shBuckets(dests: readonly SchedDest[]): (string | null)[] {
  const out: (string | null)[] = [];
  let p = 0;
  let count = 0;
  for (let i = 0; i < SH_TAB_SIZE; i++) {
    if (dests.length === 0) {
      out.push(null);
      continue;
    }
    const d = dests[p % dests.length]!;
    out.push(d.key);
    if (++count >= d.weight) {
      p++;
      count = 0;
    }
  }
  return out;
}

/** ip_vs_sh_hashkey. */
export function shHashKey(addr: string, port: number, offset = 0): number {
  return (offset + hash32((port + ipToNumber(addr)!) >>> 0, SH_TAB_BITS)) & (SH_TAB_SIZE - 1);
}

export const sh: Scheduler<ShState> = {
  name: "sh",
  init: () => ({ buckets: null }),
  update: () => ({ buckets: null }),
  explain(state, dests, pkt, flags) {
    state.buckets ??= shBuckets(dests);
    const port = flags.includes("sh-port") ? pkt.sport : 0;
    const bucket = shHashKey(pkt.src, port);
    const input = port ? `${pkt.src}:${port}` : pkt.src;
    return {
      rule: "hash",
      scheduler: "sh",
      input,
      bucket,
      size: SH_TAB_SIZE,
      owner: state.buckets[bucket] ?? null,
    };
  },
  schedule(state, dests, pkt, flags) {
    state.buckets ??= shBuckets(dests);
    const byKey = new Map(dests.map((d) => [d.key, d]));
    const port = flags.includes("sh-port") ? pkt.sport : 0;
    const ihash = shHashKey(pkt.src, port);
    const first = state.buckets[ihash];
    const d = first ? byKey.get(first) : undefined;
    if (!d) return null;
    if (d.weight > 0) return d;
    if (!flags.includes("sh-fallback")) return null;
    for (let offset = 0; offset < SH_TAB_SIZE; offset++) {
      const roffset = (offset + ihash) % SH_TAB_SIZE;
      const k = state.buckets[shHashKey(pkt.src, port, roffset)];
      const alt = k ? byKey.get(k) : undefined;
      if (!alt) break;
      if (alt.weight > 0) return alt;
    }
    return null;
  },
};
