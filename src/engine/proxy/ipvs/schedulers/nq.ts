/**
 * nq — never queue (ip_vs_nq.c): the first destination (list order) with no
 * active connection wins at once; otherwise choose as sed does
 * (overhead = activeconns + 1 over weight).
 */
import type { SchedDest, Scheduler } from "./types";

export const nq: Scheduler<null> = {
  name: "nq",
  init: () => null,
  update: () => null,
  schedule(_state, dests) {
    let least: SchedDest | null = null;
    let loh = 0;
    for (const d of dests) {
      if (d.weight === 0) continue;
      const doh = d.activeConns + 1;
      if (d.activeConns === 0) return d;
      if (!least || loh * d.weight > doh * least.weight) {
        least = d;
        loh = doh;
      }
    }
    return least;
  },
};
