import type { StateCreator } from "zustand";
import type { JournalEntry, SessionRecord } from "../session/record";
import type { AppState } from "./index";
import type { TerminalLineInput } from "./scrollback";

/** Whose workspace is on screen: the user's own, a lesson's, or a shared link's. */
export type WorkspaceKind = "own" | "lesson" | "share";

/** What a workspace keeps besides its record: the terminal as it was. */
export interface WorkspaceUi {
  lines: TerminalLineInput[];
  history: string[];
}

/** A workspace off screen, kept exactly as it was left. */
export interface ParkedWorkspace {
  record: SessionRecord;
  ui: WorkspaceUi;
}

/** Why the session is not being saved, for a visible message. */
export type SaveProblem =
  | { kind: "full" }
  | { kind: "disabled" }
  /** The browser refused to store a text (a cluster dump) of `chars` characters in IndexedDB. */
  | { kind: "bigRefused"; chars: number }
  /** Another tab saved over what this tab loaded: this tab stops saving until the user chooses. */
  | { kind: "conflict" };

export interface SessionSlice {
  /** The engine's seed and the clock's start for the cluster on screen. */
  seed: number;
  startTime: number | undefined;
  /** Every operation that changed the cluster on screen, in order (see session/record.ts). */
  journal: JournalEntry[];
  workspace: WorkspaceKind;
  /** The user's own workspace while a lesson or a shared link is on screen. */
  parked: ParkedWorkspace | null;
  /**
   * Counts the workspaces put on screen. Work still in flight from an earlier one (a lesson step,
   * a command) sees it change and drops what it would write: it belongs to a workspace now gone.
   */
  workspaceEpoch: number;
  /** Which journal entry sent the packet on screen (-1: the lesson step's), undefined for none. */
  traceEntry: number | undefined;
  saveProblem: SaveProblem | null;
  /** A workspace is being rebuilt in the engine: its record must not change meanwhile. */
  restoring: boolean;
  /** Appends an entry; returns its index. */
  journalOp: (entry: JournalEntry) => number;
  /** Starts a new cluster (a workspace replaced, a lesson rebuilt). */
  startCluster: (seed: number, startTime: number | undefined, journal?: JournalEntry[]) => void;
  /** Puts another workspace on screen (`kept`: the one on screen stays, only its kind changes). */
  setWorkspace: (workspace: WorkspaceKind, parked: ParkedWorkspace | null, kept?: boolean) => void;
  setTraceEntry: (entry: number | undefined) => void;
  setSaveProblem: (problem: SaveProblem | null) => void;
  setRestoring: (restoring: boolean) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  seed: 1,
  startTime: undefined,
  journal: [],
  workspace: "own",
  parked: null,
  workspaceEpoch: 0,
  traceEntry: undefined,
  saveProblem: null,
  restoring: false,
  journalOp: (entry) => {
    const journal = [...get().journal, entry];
    set({ journal });
    return journal.length - 1;
  },
  startCluster: (seed, startTime, journal = []) =>
    set({ seed, startTime, journal: [...journal], traceEntry: undefined, importReport: null }),
  setWorkspace: (workspace, parked, kept = false) =>
    set({ workspace, parked, workspaceEpoch: get().workspaceEpoch + (kept ? 0 : 1) }),
  setTraceEntry: (traceEntry) => set({ traceEntry }),
  setSaveProblem: (saveProblem) => set({ saveProblem }),
  setRestoring: (restoring) => set({ restoring }),
});
