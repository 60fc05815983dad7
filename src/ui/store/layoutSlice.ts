import type { StateCreator } from "zustand";
import type { AppState } from "./index";

/** What the side panel beside the diagram shows on a wide screen. */
export const SIDE_TABS = ["lesson", "trace"] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** The tools docked under the diagram. */
export const DOCK_TABS = ["terminal", "chart"] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** A phone shows one of these at a time, chosen in the tab bar. */
export const PHONE_TABS = ["diagram", "trace", "terminal", "yaml", "lesson"] as const;
export type PhoneTab = (typeof PHONE_TABS)[number];

/** Wide enough for the manifests beside a diagram that keeps half the screen. */
export const EDITOR_OPEN_MIN_WIDTH = 1600;

export interface LayoutSlice {
  /** The manifest editor's column is open (wide screens). */
  editorOpen: boolean;
  /** The side panel's tab, or null when it is closed (wide screens). */
  side: SideTab | null;
  dockTab: DockTab;
  dockOpen: boolean;
  /** The dock's height in px once the user resized it; null: the layout's default. */
  dockHeight: number | null;
  phoneTab: PhoneTab;
  setEditorOpen: (open: boolean) => void;
  /** Opens the side panel on `tab`, or closes it (null). */
  setSide: (tab: SideTab | null) => void;
  setDockTab: (tab: DockTab) => void;
  setDockOpen: (open: boolean) => void;
  setDockHeight: (px: number | null) => void;
  setPhoneTab: (tab: PhoneTab) => void;
}

/** The editor starts open where it leaves the diagram half the screen. */
function wideEnoughForEditor(): boolean {
  return typeof window !== "undefined" && window.innerWidth >= EDITOR_OPEN_MIN_WIDTH;
}

export const createLayoutSlice: StateCreator<AppState, [], [], LayoutSlice> = (set) => ({
  editorOpen: wideEnoughForEditor(),
  side: null,
  dockTab: "terminal",
  dockOpen: true,
  dockHeight: null,
  phoneTab: "diagram",
  setEditorOpen: (editorOpen) => set({ editorOpen }),
  setSide: (side) => set({ side }),
  setDockTab: (dockTab) => set({ dockTab, dockOpen: true }),
  setDockOpen: (dockOpen) => set({ dockOpen }),
  setDockHeight: (dockHeight) => set({ dockHeight }),
  setPhoneTab: (phoneTab) => set({ phoneTab }),
});
