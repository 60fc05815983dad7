import { create } from "zustand";

/** What the last share link did, for a visible message. */
export type ShareStatus =
  | { kind: "idle" }
  | { kind: "opening" }
  | { kind: "opened" }
  /** The link could not be read (damaged, too big, unknown fields). */
  | { kind: "invalid"; reason: string }
  /** The link read fine but its scenario does not apply: nothing of it was shown. */
  | { kind: "refused"; reason: string };

interface ShareStatusState {
  status: ShareStatus;
  setStatus: (status: ShareStatus) => void;
}

export const useShareStatus = create<ShareStatusState>()((set) => ({
  status: { kind: "idle" },
  setStatus: (status) => set({ status }),
}));
