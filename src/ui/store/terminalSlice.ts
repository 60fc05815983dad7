import type { StateCreator } from "zustand";
import type { AppState } from "./index";
import { capScrollback, type TerminalLine, type TerminalLineInput } from "./scrollback";

export type { TerminalLine } from "./scrollback";

export interface TerminalSlice {
  lines: TerminalLine[];
  history: string[];
  prompt: string;
  busy: boolean;
  appendLines: (lines: TerminalLineInput[]) => void;
  /** Replaces the scrollback and history (a workspace restored). */
  restoreTerminal: (lines: readonly TerminalLineInput[], history: readonly string[]) => void;
  clearTerminal: () => void;
  pushHistory: (line: string) => void;
  setPrompt: (prompt: string) => void;
  setBusy: (busy: boolean) => void;
}

let nextId = 1;
const withId = (l: TerminalLineInput): TerminalLine => ({ ...l, id: l.kind === "cut" ? 0 : nextId++ });

export const createTerminalSlice: StateCreator<AppState, [], [], TerminalSlice> = (set) => ({
  lines: [],
  history: [],
  prompt: "",
  busy: false,
  appendLines: (lines) => set((s) => ({ lines: capScrollback([...s.lines, ...lines.map(withId)]) })),
  restoreTerminal: (lines, history) =>
    set({ lines: capScrollback(lines.map(withId)), history: history.slice(-500) }),
  clearTerminal: () => set({ lines: [] }),
  pushHistory: (line) =>
    set((s) => ({
      history: s.history[s.history.length - 1] === line ? s.history : [...s.history, line].slice(-500),
    })),
  setPrompt: (prompt) => set({ prompt }),
  setBusy: (busy) => set({ busy }),
});
