import type { StateCreator } from "zustand";
import type { TopologyView } from "../../engine/view/topology";
import type { AppState } from "./index";

export interface SimSlice {
  /** The engine's last view model of the cluster. */
  view: TopologyView | null;
  /** A visible notice (the engine restarted, say): an i18n key with values. */
  notice: { key: string; values?: Record<string, string> } | null;
  setView: (view: TopologyView) => void;
  setNotice: (notice: SimSlice["notice"]) => void;
}

export const createSimSlice: StateCreator<AppState, [], [], SimSlice> = (set) => ({
  view: null,
  notice: null,
  setView: (view) => set({ view }),
  setNotice: (notice) => set({ notice }),
});
