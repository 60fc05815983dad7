import { create } from "zustand";

/** What the last share link did, for a visible message. */
export type ShareStatus =
  | { kind: "idle" }
  | { kind: "restored"; replaced: boolean }
  | { kind: "invalid"; reason: string };

interface ShareStatusState {
  status: ShareStatus;
  setStatus: (status: ShareStatus) => void;
}

export const useShareStatus = create<ShareStatusState>()((set) => ({
  status: { kind: "idle" },
  setStatus: (status) => set({ status }),
}));
