import type { StateCreator } from "zustand";
import type { ApiError } from "../../engine/api/contract";
import type { ImportProgress } from "../../engine/api/import/progress";
import type { ImportReport } from "../../engine/api/import/report";
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
  /** What was last applied to the cluster. */
  appliedText: string;
  /**
   * `text !== appliedText`, worked out when either changes: a selector comparing them would read
   * all of a dump's tens of MB at every change of the store, up to the first character that differs.
   */
  unapplied: boolean;
  markers: EditorMarker[];
  /** What the last apply did: objects the API server took, and documents it refused. */
  lastApply: ApplyOutcome | null;
  /** The report of the import that built the cluster on screen; null when it was not imported. */
  importReport: ImportReport | null;
  /** A dump being imported: its size in characters (the engine's worker reads it meanwhile). */
  importing: number | null;
  /** How far the worker has got with the dump being imported, once it has said. */
  importProgress: ImportProgress | null;
  setText: (text: string) => void;
  setImportReport: (report: ImportReport | null) => void;
  /** Shows refusals as markers without counting an apply (a dump that could not be imported). */
  setMarkers: (errors: ApiError[]) => void;
  /** Starts (with the dump's size) or ends (null) an import; either way no progress is known yet. */
  setImporting: (chars: number | null) => void;
  setImportProgress: (progress: ImportProgress) => void;
  /** Records an apply of `text`: its refusals become markers; `applied` objects were taken (unknown if omitted). */
  markApplied: (text: string, errors: ApiError[], applied?: number) => void;
}

export interface ApplyOutcome {
  /** Objects created, configured or unchanged; undefined when the caller did not count them. */
  applied?: number;
  refused: number;
}

export const EDITOR_FILE = "manifests.yaml";

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => ({
  text: "",
  appliedText: "",
  unapplied: false,
  markers: [],
  lastApply: null,
  importReport: null,
  importing: null,
  importProgress: null,
  setText: (text) => set({ text, unapplied: text !== get().appliedText }),
  setImportReport: (importReport) => set({ importReport }),
  setImporting: (importing) => set({ importing, importProgress: null }),
  setImportProgress: (importProgress) => set({ importProgress }),
  markApplied: (text, errors, applied) =>
    set({
      appliedText: text,
      unapplied: get().text !== text,
      lastApply: { refused: errors.length, ...(applied === undefined ? {} : { applied }) },
      markers: markersOf(errors),
    }),
  setMarkers: (errors) => set({ markers: markersOf(errors) }),
});

function markersOf(errors: ApiError[]): EditorMarker[] {
  return errors
    .filter((e) => !e.source || e.source.file === EDITOR_FILE)
    .map((e) => ({ line: e.source?.line ?? 1, column: e.source?.column ?? 1, message: e.message }));
}
