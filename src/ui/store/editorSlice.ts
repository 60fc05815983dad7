import type { StateCreator } from "zustand";
import type { ApiError } from "../../engine/api/contract";
import type { ManifestFile } from "../../engine/simulation";
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
  /** What the last apply did: objects the API server took, and documents it refused. */
  lastApply: ApplyOutcome | null;
  /** Every manifest applied to this cluster since it was built, in order: replaying them rebuilds it. */
  appliedFiles: ManifestFile[];
  setAppliedFiles: (files: readonly ManifestFile[]) => void;
  setText: (text: string) => void;
  /** Records an apply of `text`: its refusals become markers; `applied` objects were taken (unknown if omitted). */
  markApplied: (text: string, errors: ApiError[], applied?: number) => void;
}

export interface ApplyOutcome {
  /** Objects created, configured or unchanged; undefined when the caller did not count them. */
  applied?: number;
  refused: number;
}

export const EDITOR_FILE = "manifests.yaml";

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set) => ({
  text: "",
  appliedText: "",
  markers: [],
  lastApply: null,
  appliedFiles: [],
  setAppliedFiles: (files) => set({ appliedFiles: [...files] }),
  setText: (text) => set({ text }),
  markApplied: (text, errors, applied) =>
    set({
      appliedText: text,
      lastApply: { refused: errors.length, ...(applied === undefined ? {} : { applied }) },
      markers: errors
        .filter((e) => !e.source || e.source.file === EDITOR_FILE)
        .map((e) => ({ line: e.source?.line ?? 1, column: e.source?.column ?? 1, message: e.message })),
    }),
});
