/**
 * lc — least connection (ip_vs_lc.c): the destination with the smallest
 * overhead = activeconns * 256 + inactconns; weights only matter as
 * "0 = quiesced". Ties keep the first in list order (strict `<`).
 */
import { connOverhead, leastRows, type SchedDest, type Scheduler } from "./types";

export const lc: Scheduler<null> = {
  name: "lc",
  init: () => null,
  update: () => null,
  explain: (_state, dests) => ({ rule: "least", scheduler: "lc", rows: leastRows(dests, connOverhead) }),
  schedule(_state, dests) {
    let least: SchedDest | null = null;
    let loh = 0;
    for (const d of dests) {
      if (d.weight === 0) continue;
      const doh = connOverhead(d);
      if (!least || doh < loh) {
        least = d;
        loh = doh;
      }
    }
    return least;
  },
};
