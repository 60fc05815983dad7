import type { StateCreator } from "zustand";
import type { BurstResult } from "../../engine/net/burst";
import type { Trace } from "../../engine/net/types";
import {
  ALL_PHASES,
  firstShown,
  lastShown,
  nearestShown,
  nextShown,
  type PhaseFilter,
  previousShown,
} from "../features/trace/phases";
import { prefersReducedMotion } from "../motion";
import type { AppState } from "./index";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  /** The selected packet's journey. */
  trace: Trace | null;
  /** Hop index the animation has reached (-1 = not started). */
  hop: number;
  playing: boolean;
  speed: number;
  /** The trace's phases shown (the rest folded); stepping and playing move through the hops shown. */
  phases: PhaseFilter;
  /** The last burst's tally (the diagram draws its flows); a single packet sent since clears it. */
  burst: BurstResult | null;
  setBurst: (burst: BurstResult | null) => void;
  setTrace: (trace: Trace | null) => void;
  setHop: (hop: number) => void;
  setPhases: (phases: PhaseFilter) => void;
  play: () => void;
  pause: () => void;
  stepForward: () => void;
  stepBack: () => void;
  /** Playing: on to the next hop shown, or stop at the last. */
  advance: () => void;
  setSpeed: (speed: number) => void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  trace: null,
  hop: -1,
  playing: false,
  speed: 1,
  phases: ALL_PHASES,
  burst: null,
  setBurst: (burst) => set({ burst }),
  // A new journey plays from its first hop; with reduced motion it is not played out hop by hop but
  // shown where it ends, paused (the hops are a step or Play away, as after playing).
  setTrace: (trace) =>
    set((s) => {
      if (!trace) return { trace, hop: -1, playing: false };
      if (prefersReducedMotion())
        return { trace, hop: Math.max(0, lastShown(trace, s.phases)), playing: false };
      return { trace, hop: Math.max(0, firstShown(trace, s.phases)), playing: true };
    }),
  setHop: (hop) => set({ hop }),
  setPhases: (phases) =>
    set((s) => ({ phases, hop: s.trace ? Math.max(0, nearestShown(s.trace, phases, s.hop)) : s.hop })),
  play: () => {
    const { trace, hop, phases } = get();
    if (!trace) return;
    const atEnd = nextShown(trace, phases, hop) === hop;
    set({ playing: true, hop: atEnd ? Math.max(0, firstShown(trace, phases)) : hop });
  },
  pause: () => set({ playing: false }),
  stepForward: () => {
    const { trace, hop, phases } = get();
    if (trace) set({ playing: false, hop: nextShown(trace, phases, hop) });
  },
  stepBack: () => {
    const { trace, hop, phases } = get();
    if (trace) set({ playing: false, hop: previousShown(trace, phases, hop) });
  },
  advance: () => {
    const { trace, hop, phases } = get();
    if (!trace) return;
    const next = nextShown(trace, phases, hop);
    set(next === hop ? { playing: false } : { hop: next });
  },
  setSpeed: (speed) => set({ speed }),
});
