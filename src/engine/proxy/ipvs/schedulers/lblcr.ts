/**
 * lblcr — locality-based least connection with replication (ip_vs_lblcr.c):
 * each destination address maps to a *set* of servers. The least-loaded
 * member (wlc over the set) is used unless it is overloaded (see lblc); then
 * a server chosen by wlc over all destinations joins the set. A set with
 * more than one member that has not changed for lblcr_expiration (24 h)
 * drops its most-loaded member.
 */
import { lblcOverloaded } from "./lblc";
import { connOverhead, leastRows, type SchedDest, type Scheduler } from "./types";
import { weightedLeast } from "./wlc";

export const LBLCR_EXPIRATION_MS = 24 * 60 * 60 * 1000;

interface LblcrEntry {
  /** Members, newest first (ip_vs_dest_set_insert uses list_add). */
  set: string[];
  lastMod: number;
  lastUse: number;
}

export interface LblcrState {
  table: Map<string, LblcrEntry>;
}

/** ip_vs_dest_set_max: the weighted most-loaded member. */
function setMax(members: readonly SchedDest[]): SchedDest | null {
  const first = members.findIndex((d) => d.weight > 0);
  if (first < 0) return null;
  let most = members[first]!;
  let moh = connOverhead(most);
  for (let i = first + 1; i < members.length; i++) {
    const d = members[i]!;
    const doh = connOverhead(d);
    if (moh * d.weight < doh * most.weight && d.weight > 0) {
      most = d;
      moh = doh;
    }
  }
  return most;
}

export const lblcr: Scheduler<LblcrState> = {
  name: "lblcr",
  init: () => ({ table: new Map() }),
  update: (s) => s,
  explain(state, dests, pkt) {
    const en = state.table.get(pkt.dst);
    const byKey = new Map(dests.map((d) => [d.key, d]));
    const members = (en?.set ?? []).map((k) => byKey.get(k)).filter((d): d is SchedDest => d !== undefined);
    const least = weightedLeast(members, connOverhead);
    const cache = !en
      ? "none"
      : !least
        ? "unavailable"
        : lblcOverloaded(least, dests)
          ? "overloaded"
          : "used";
    return {
      rule: "locality",
      scheduler: "lblcr",
      daddr: pkt.dst,
      cached: en ? [...en.set] : [],
      cache,
      ...(cache !== "used" ? { rows: leastRows(dests, connOverhead) } : {}),
    };
  },
  schedule(state, dests, pkt) {
    const byKey = new Map(dests.map((d) => [d.key, d]));
    const en = state.table.get(pkt.dst);
    if (en) {
      en.lastUse = pkt.nowMs;
      const members = en.set.map((k) => byKey.get(k)).filter((d): d is SchedDest => d !== undefined);
      const dest = weightedLeast(members, connOverhead);
      if (en.set.length > 1 && pkt.nowMs - en.lastMod > LBLCR_EXPIRATION_MS) {
        const m = setMax(members);
        if (m) {
          en.set = en.set.filter((k) => k !== m.key);
          en.lastMod = pkt.nowMs;
        }
      }
      if (dest && !lblcOverloaded(dest, dests)) return dest;
      const d = weightedLeast(dests, connOverhead);
      if (!d) return null;
      if (!en.set.includes(d.key)) {
        en.set.unshift(d.key);
        en.lastMod = pkt.nowMs;
      }
      return d;
    }
    const d = weightedLeast(dests, connOverhead);
    if (!d) return null;
    state.table.set(pkt.dst, { set: [d.key], lastMod: pkt.nowMs, lastUse: pkt.nowMs });
    return d;
  },
};
