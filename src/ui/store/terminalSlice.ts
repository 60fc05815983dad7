import type { StateCreator } from "zustand";
import type { AppState } from "./index";

export interface TerminalLine {
  kind: "input" | "output" | "error";
  text: string;
  prompt?: string;
}

export interface TerminalSlice {
  lines: TerminalLine[];
  history: string[];
  prompt: string;
  busy: boolean;
  appendLines: (lines: TerminalLine[]) => void;
  clearTerminal: () => void;
  pushHistory: (line: string) => void;
  setPrompt: (prompt: string) => void;
  setBusy: (busy: boolean) => void;
}

/** Keep the scrollback bounded: a long session must not grow the DOM forever. */
const MAX_LINES = 2000;

export const createTerminalSlice: StateCreator<AppState, [], [], TerminalSlice> = (set) => ({
  lines: [],
  history: [],
  prompt: "",
  busy: false,
  appendLines: (lines) => set((s) => ({ lines: [...s.lines, ...lines].slice(-MAX_LINES) })),
  clearTerminal: () => set({ lines: [] }),
  pushHistory: (line) =>
    set((s) => ({
      history: s.history[s.history.length - 1] === line ? s.history : [...s.history, line].slice(-500),
    })),
  setPrompt: (prompt) => set({ prompt }),
  setBusy: (busy) => set({ busy }),
});
