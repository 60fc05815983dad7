/**
 * rr — round robin (ip_vs_rr.c). The state is the last chosen destination
 * (the kernel's `sched_data` list pointer, null = the list head); each pick
 * walks forward from it, wrapping once, to the first destination with weight > 0.
 */
import { destState, type SchedDest, type Scheduler } from "./types";

export interface RrState {
  cursor: string | null;
}

export const rr: Scheduler<RrState> = {
  name: "rr",
  init: () => ({ cursor: null }),
  update(state, oldDests, newDests) {
    if (state.cursor === null || newDests.some((d) => d.key === state.cursor)) return state;
    // ip_vs_rr_del_dest: the cursor moves to the entry before the deleted one.
    const keys = new Set(newDests.map((d) => d.key));
    for (let i = oldDests.findIndex((d) => d.key === state.cursor) - 1; i >= 0; i--) {
      if (keys.has(oldDests[i]!.key)) return { cursor: oldDests[i]!.key };
    }
    return { cursor: null };
  },
  explain: (state, dests) => ({ rule: "rr", dests: dests.map(destState), previous: state.cursor }),
  schedule(state, dests) {
    const n = dests.length;
    const start = state.cursor === null ? -1 : dests.findIndex((d) => d.key === state.cursor);
    for (let i = 1; i <= n; i++) {
      const d: SchedDest = dests[(((start + i) % n) + n) % n]!;
      if (d.weight > 0) {
        state.cursor = d.key;
        return d;
      }
    }
    return null;
  },
};
