import type { StateCreator } from "zustand";
import type { BurstResult } from "../../engine/net/burst";
import type { Trace } from "../../engine/net/types";
import type { AppState } from "./index";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  /** The selected packet's journey. */
  trace: Trace | null;
  /** Hop index the animation has reached (-1 = not started). */
  hop: number;
  playing: boolean;
  speed: number;
  /** The last burst's tally (the diagram draws its flows); a single packet sent since clears it. */
  burst: BurstResult | null;
  setBurst: (burst: BurstResult | null) => void;
  setTrace: (trace: Trace | null) => void;
  setHop: (hop: number) => void;
  play: () => void;
  pause: () => void;
  stepForward: () => void;
  stepBack: () => void;
  setSpeed: (speed: number) => void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  trace: null,
  hop: -1,
  playing: false,
  speed: 1,
  burst: null,
  setBurst: (burst) => set({ burst }),
  setTrace: (trace) => set({ trace, hop: trace ? 0 : -1, playing: trace !== null }),
  setHop: (hop) => set({ hop }),
  play: () => {
    const { trace, hop } = get();
    if (!trace) return;
    set({ playing: true, hop: hop >= trace.hops.length - 1 ? 0 : hop });
  },
  pause: () => set({ playing: false }),
  stepForward: () => {
    const { trace, hop } = get();
    if (trace) set({ playing: false, hop: Math.min(hop + 1, trace.hops.length - 1) });
  },
  stepBack: () => set((s) => ({ playing: false, hop: Math.max(s.hop - 1, 0) })),
  setSpeed: (speed) => set({ speed }),
});
