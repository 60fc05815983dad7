/**
 * sed — shortest expected delay (ip_vs_sed.c): overhead = activeconns + 1
 * (inactive connections are ignored), minimised over weight by
 * cross-multiplication, like wlc.
 */
import type { Scheduler } from "./types";
import { weightedLeast } from "./wlc";

export const sed: Scheduler<null> = {
  name: "sed",
  init: () => null,
  update: () => null,
  schedule: (_state, dests) => weightedLeast(dests, (d) => d.activeConns + 1),
};
