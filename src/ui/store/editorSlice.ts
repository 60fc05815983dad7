import type { StateCreator } from "zustand";
import type { ApiError } from "../../engine/api/contract";
import type { AppState } from "./index";

/** A refusal shown in the editor at its line. */
export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

export interface EditorSlice {
  /** What the editor holds. */
  text: string;
  /** What was last applied to the cluster; `text !== appliedText` means unapplied changes. */
  appliedText: string;
  markers: EditorMarker[];
  setText: (text: string) => void;
  /** Records an apply of `text`: its refusals become markers. */
  markApplied: (text: string, errors: ApiError[]) => void;
}

export const EDITOR_FILE = "manifests.yaml";

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set) => ({
  text: "",
  appliedText: "",
  markers: [],
  setText: (text) => set({ text }),
  markApplied: (text, errors) =>
    set({
      appliedText: text,
      markers: errors
        .filter((e) => !e.source || e.source.file === EDITOR_FILE)
        .map((e) => ({ line: e.source?.line ?? 1, column: e.source?.column ?? 1, message: e.message })),
    }),
});
