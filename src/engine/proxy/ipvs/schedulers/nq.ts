/**
 * nq — never queue (ip_vs_nq.c): the first destination (list order) with no
 * active connection wins at once; otherwise choose as sed does
 * (overhead = activeconns + 1 over weight).
 */
import { expectedDelay } from "./sed";
import { leastRows, type SchedDest, type Scheduler } from "./types";

export const nq: Scheduler<null> = {
  name: "nq",
  init: () => null,
  update: () => null,
  explain(_state, dests) {
    const idle = dests.find((d) => d.weight > 0 && d.activeConns === 0);
    return {
      rule: "least",
      scheduler: "nq",
      rows: leastRows(dests, expectedDelay),
      ...(idle ? { idle: idle.key } : {}),
    };
  },
  schedule(_state, dests) {
    let least: SchedDest | null = null;
    let loh = 0;
    for (const d of dests) {
      if (d.weight === 0) continue;
      const doh = expectedDelay(d);
      if (d.activeConns === 0) return d;
      if (!least || loh * d.weight > doh * least.weight) {
        least = d;
        loh = doh;
      }
    }
    return least;
  },
};
