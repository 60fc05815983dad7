/**
 * wlc — weighted least connection (ip_vs_wlc.c), the kernel's default:
 * minimise overhead / weight, compared by cross-multiplying as the kernel
 * does (`loh * d.weight > doh * least.weight`), starting from the first
 * destination with weight > 0.
 */
import { connOverhead, leastRows, type SchedDest, type Scheduler } from "./types";

/** The shared "first available, then strictly better by cross-multiplication" walk. */
export function weightedLeast(
  dests: readonly SchedDest[],
  overhead: (d: SchedDest) => number,
): SchedDest | null {
  const first = dests.findIndex((d) => d.weight > 0);
  if (first < 0) return null;
  let least = dests[first]!;
  let loh = overhead(least);
  for (let i = first + 1; i < dests.length; i++) {
    const d = dests[i]!;
    const doh = overhead(d);
    if (loh * d.weight > doh * least.weight) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

export const wlc: Scheduler<null> = {
  name: "wlc",
  init: () => null,
  update: () => null,
  explain: (_state, dests) => ({ rule: "least", scheduler: "wlc", rows: leastRows(dests, connOverhead) }),
  schedule: (_state, dests) => weightedLeast(dests, connOverhead),
};
