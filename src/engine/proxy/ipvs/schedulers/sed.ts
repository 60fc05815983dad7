/**
 * sed — shortest expected delay (ip_vs_sed.c): overhead = activeconns + 1
 * (inactive connections are ignored), minimised over weight by
 * cross-multiplication, like wlc.
 */
import { leastRows, type SchedDest, type Scheduler } from "./types";
import { weightedLeast } from "./wlc";

/** sed's and nq's overhead: the connection would be the server's `activeconns + 1`th. */
export function expectedDelay(d: SchedDest): number {
  return d.activeConns + 1;
}

export const sed: Scheduler<null> = {
  name: "sed",
  init: () => null,
  update: () => null,
  explain: (_state, dests) => ({ rule: "least", scheduler: "sed", rows: leastRows(dests, expectedDelay) }),
  schedule: (_state, dests) => weightedLeast(dests, expectedDelay),
};
