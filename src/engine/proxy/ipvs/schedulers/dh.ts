/**
 * dh — destination hashing (ip_vs_dh.c): a 256-bucket table filled
 * round-robin over the destination list with no weighting; bucket =
 * (daddr * 2654435761) & 255. Every packet to one virtual address therefore
 * goes to one real server — for a ClusterIP VS, to a single backend.
 */
import { ipToNumber } from "../../../api/ipv4";
import { multiplicativeHash } from "./hash";
import type { SchedDest, Scheduler } from "./types";

export const DH_TAB_SIZE = 256;

export interface DhState {
  buckets: (string | null)[] | null;
}

/** ip_vs_dh_reassign. */
export function dhBuckets(dests: readonly SchedDest[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < DH_TAB_SIZE; i++) out.push(dests.length ? dests[i % dests.length]!.key : null);
  return out;
}

/** ip_vs_dh_hashkey. */
export function dhHashKey(daddr: string): number {
  return multiplicativeHash(ipToNumber(daddr)!, DH_TAB_SIZE - 1);
}

export const dh: Scheduler<DhState> = {
  name: "dh",
  init: () => ({ buckets: null }),
  update: () => ({ buckets: null }),
  explain(state, dests, pkt) {
    state.buckets ??= dhBuckets(dests);
    const bucket = dhHashKey(pkt.dst);
    return {
      rule: "hash",
      scheduler: "dh",
      input: pkt.dst,
      bucket,
      size: DH_TAB_SIZE,
      owner: state.buckets[bucket] ?? null,
    };
  },
  schedule(state, dests, pkt) {
    state.buckets ??= dhBuckets(dests);
    const key = state.buckets[dhHashKey(pkt.dst)];
    const d = key ? dests.find((x) => x.key === key) : undefined;
    return d && d.weight > 0 ? d : null;
  },
};
