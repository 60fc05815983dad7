/**
 * mh — Maglev hashing (ip_vs_mh.c). Each destination gets a permutation of
 * the M table slots from two hsiphash values of its address+port (offset,
 * skip); destinations take turns claiming their next free preferred slot
 * (`turns` = weight / gcd, shifted down for large weights) until the table
 * is full. Lookup: slot = hsiphash(sport + saddr) % M; kube-proxy sets the
 * `mh-port` flag, so the source port is part of the key.
 *
 * M: the kernel's default CONFIG_IP_VS_MH_TAB_INDEX is 12, i.e. primes[12 - 8]
 * = 4093 (the table offers 251, 509, ... 131071).
 */
import { ipToNumber } from "../../../api/ipv4";
import { hsiphashU32 } from "./hash";
import { gcd, type SchedDest, type Scheduler } from "./types";

/** The kernel's table of prime sizes. */
export const MH_PRIMES = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071] as const;
const DEFAULT_TAB_INDEX = 12;
/** Default lookup-table size M = 4093. */
export const MH_DEFAULT_SIZE: number = MH_PRIMES[DEFAULT_TAB_INDEX - 8] ?? 4093;
const TAB_BITS = Math.trunc(DEFAULT_TAB_INDEX / 2);

const HASH1 = 2654435761n;
const HASH2 = 2654446892n;

export interface MhState {
  size: number;
  lookup: (string | null)[] | null;
}

/** ip_vs_mh_hashkey with the fixed keys from generate_hash_secret(). */
export function mhHashKey(addr: string, port: number, which: 1 | 2, offset = 0): number {
  const k = which === 1 ? HASH1 : HASH2;
  return hsiphashU32((offset + port + ipToNumber(addr)!) >>> 0, k, k);
}

function fls(x: number): number {
  return x === 0 ? 0 : 32 - Math.clz32(x);
}

/** ip_vs_mh_gcd_weight + shift_weight + permutate + populate. */
export function mhLookupTable(
  dests: readonly SchedDest[],
  size: number = MH_DEFAULT_SIZE,
): (string | null)[] {
  const table: (string | null)[] = new Array(size).fill(null);
  let g = 0;
  let mw = 0;
  for (const d of dests) {
    if (d.lastWeight > 0) g = g > 0 ? gcd(d.lastWeight, g) : d.lastWeight;
    mw = Math.max(mw, d.lastWeight);
  }
  if (g < 1) return table;
  const rshift = Math.max(0, fls(Math.trunc(mw / g)) - TAB_BITS);
  const setup = dests.map((d) => {
    const offset = mhHashKey(d.ip, d.port, 1) % size;
    const skip = (mhHashKey(d.ip, d.port, 2) % (size - 1)) + 1;
    const lw = d.lastWeight;
    return { key: d.key, perm: offset, skip, turns: Math.trunc(lw / g) >> rshift || (lw !== 0 ? 1 : 0) };
  });
  const taken = new Uint8Array(size);
  let n = 0;
  while (n < size) {
    for (const ds of setup) {
      if (ds.turns < 1) continue;
      for (let t = 0; t < ds.turns; t++) {
        let c = ds.perm;
        while (taken[c]) {
          ds.perm += ds.skip;
          if (ds.perm >= size) ds.perm -= size;
          c = ds.perm;
        }
        taken[c] = 1;
        table[c] = ds.key;
        if (++n === size) return table;
      }
    }
  }
  return table;
}

/** A scheduler instance for a given table size (tests use the small 251). */
export function makeMh(size: number = MH_DEFAULT_SIZE): Scheduler<MhState> {
  return {
    name: "mh",
    init: () => ({ size, lookup: null }),
    update: (s) => ({ size: s.size, lookup: null }),
    explain(state, dests, pkt, flags) {
      state.lookup ??= mhLookupTable(dests, state.size);
      const port = flags.includes("mh-port") ? pkt.sport : 0;
      const bucket = mhHashKey(pkt.src, port, 1) % state.size;
      const input = port ? `${pkt.src}:${port}` : pkt.src;
      return {
        rule: "hash",
        scheduler: "mh",
        input,
        bucket,
        size: state.size,
        owner: state.lookup[bucket] ?? null,
      };
    },
    schedule(state, dests, pkt, flags) {
      state.lookup ??= mhLookupTable(dests, state.size);
      const byKey = new Map(dests.map((d) => [d.key, d]));
      const port = flags.includes("mh-port") ? pkt.sport : 0;
      const ihash = mhHashKey(pkt.src, port, 1) % state.size;
      const k = state.lookup[ihash];
      const d = k ? byKey.get(k) : undefined;
      if (!d) return null;
      if (d.weight > 0) return d;
      if (!flags.includes("mh-fallback")) return null;
      for (let offset = 0; offset < state.size; offset++) {
        const roffset = (offset + ihash) % state.size;
        const alt = byKey.get(state.lookup[mhHashKey(pkt.src, port, 1, roffset) % state.size] ?? "");
        if (!alt) break;
        if (alt.weight > 0) return alt;
      }
      return null;
    },
  };
}

export const mh: Scheduler<MhState> = makeMh();
