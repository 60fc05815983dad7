/**
 * wrr — weighted round robin (ip_vs_wrr.c): passes over the list with a
 * falling current weight `cw` (from the max weight down by the weights' gcd),
 * taking destinations whose weight is at least `cw`.
 */
import { destState, gcd, type SchedDest, type Scheduler } from "./types";

export interface WrrState {
  /** Current position (`mark->cl`); null = the list head. */
  cl: string | null;
  cw: number;
  mw: number;
  di: number;
}

function gcdWeight(dests: readonly SchedDest[]): number {
  let g = 0;
  for (const d of dests) if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
  return g || 1;
}

function maxWeight(dests: readonly SchedDest[]): number {
  return dests.reduce((m, d) => Math.max(m, d.weight), 0);
}

export const wrr: Scheduler<WrrState> = {
  name: "wrr",
  init(dests) {
    const di = gcdWeight(dests);
    const mw = maxWeight(dests) - (di - 1);
    return { cl: null, cw: mw, mw, di };
  },
  update(state, _old, dests) {
    const di = gcdWeight(dests);
    const mw = maxWeight(dests) - (di - 1);
    let cw = state.cw;
    if (cw > mw || !cw) cw = mw;
    else if (di > 1) cw = Math.trunc(cw / di) * di + 1;
    return { cl: null, cw, mw, di };
  },
  explain: (state, dests) => ({
    rule: "wrr",
    dests: dests.map(destState),
    previous: state.cl,
    cw: state.cw,
    mw: state.mw,
    gcd: state.di,
  }),
  schedule(state, dests) {
    let pos = state.cl === null ? -1 : dests.findIndex((d) => d.key === state.cl);
    if (state.mw === 0) return null;
    const last = pos;
    let stop: number | null = null;
    let lastPass = false;
    let restarted = false;
    for (;;) {
      for (let i = pos + 1; i < dests.length; i++) {
        const d = dests[i]!;
        if (d.weight >= state.cw) {
          state.cl = d.key;
          return d;
        }
        if (i === stop) {
          state.cl = d.key;
          return null;
        }
      }
      pos = -1;
      state.cw -= state.di;
      if (state.cw <= 0) {
        state.cw = state.mw;
        if (lastPass || last === -1) {
          state.cl = null;
          return null;
        }
        restarted = true;
      }
      lastPass = state.cw <= state.di;
      if (lastPass && restarted && last !== -1) stop = last;
    }
  },
};
