/**
 * lblc — locality-based least connection (ip_vs_lblc.c): a table maps each
 * destination address to a server. The cached server is reused unless it
 * is gone, has weight 0, or is overloaded — more active connections than
 * its weight while some server has activeconns * 2 < weight. Otherwise the
 * server is chosen by wlc and the table updated.
 * NOTE: entries idle longer than lblc_expiration (24 h) are treated as gone
 * at lookup; the kernel collects them with a periodic timer instead.
 */
import { connOverhead, leastRows, type SchedDest, type Scheduler } from "./types";
import { weightedLeast } from "./wlc";

export const LBLC_EXPIRATION_MS = 24 * 60 * 60 * 1000;

export interface LblcState {
  table: Map<string, { destKey: string; lastUse: number }>;
}

/** is_overloaded() shared by lblc and lblcr. */
export function lblcOverloaded(dest: SchedDest, dests: readonly SchedDest[]): boolean {
  if (dest.activeConns <= dest.weight) return false;
  return dests.some((d) => d.activeConns * 2 < d.weight);
}

export const lblc: Scheduler<LblcState> = {
  name: "lblc",
  init: () => ({ table: new Map() }),
  update: (s) => s,
  explain(state, dests, pkt) {
    const en = state.table.get(pkt.dst);
    const fresh = en && pkt.nowMs - en.lastUse < LBLC_EXPIRATION_MS ? en : undefined;
    const d = fresh ? dests.find((x) => x.key === fresh.destKey) : undefined;
    const cache = !fresh
      ? "none"
      : !d || d.weight === 0
        ? "unavailable"
        : lblcOverloaded(d, dests)
          ? "overloaded"
          : "used";
    return {
      rule: "locality",
      scheduler: "lblc",
      daddr: pkt.dst,
      cached: fresh ? [fresh.destKey] : [],
      cache,
      ...(cache !== "used" ? { rows: leastRows(dests, connOverhead) } : {}),
    };
  },
  schedule(state, dests, pkt) {
    const en = state.table.get(pkt.dst);
    if (en && pkt.nowMs - en.lastUse < LBLC_EXPIRATION_MS) {
      en.lastUse = pkt.nowMs;
      const d = dests.find((x) => x.key === en.destKey);
      if (d && d.weight > 0 && !lblcOverloaded(d, dests)) return d;
    }
    const d = weightedLeast(dests, connOverhead);
    if (!d) return null;
    state.table.set(pkt.dst, { destKey: d.key, lastUse: pkt.nowMs });
    return d;
  },
};
