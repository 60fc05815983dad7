/**
 * The user's own workspace, and the guests that never overwrite it: a lesson
 * (or presentation mode) and a shared link each run in a workspace of their
 * own, while the user's is parked exactly as it was (its record and its
 * terminal) and restored in one click.
 */
import { useAppStore } from "../store";
import { capScrollback, SAVED_SCROLLBACK_CHARS } from "../store/scrollback";
import type { WorkspaceKind } from "../store/sessionSlice";
import { currentRecord } from "./current";
import { emptyRecord, type SessionRecord } from "./record";
import { showWorkspace } from "./restore";
import type { Workspace } from "./stored";

const get = useAppStore.getState;

/** The workspace on screen, as it would be parked or saved. */
export function currentWorkspace(): Workspace {
  const s = get();
  return {
    record: currentRecord(s),
    ui: {
      lines: capScrollback(s.lines, SAVED_SCROLLBACK_CHARS).map(({ id: _, ...l }) => l),
      history: s.history,
    },
  };
}

/** The user's own workspace: on screen, or parked while a guest is. */
function ownWorkspace(): Workspace {
  const s = get();
  return s.workspace === "own"
    ? currentWorkspace()
    : (s.parked ?? { record: emptyRecord(), ui: { lines: [], history: [] } });
}

/** Opens a lesson in its own workspace (at its first step: the lesson player builds it). */
export function enterLesson(id: string): void {
  const s = get();
  s.setWorkspace("lesson", ownWorkspace());
  // The record is the lesson's from now on: nothing of the user's journal is carried over.
  s.startCluster(1, undefined);
  s.restoreTerminal([], []);
  s.setText("");
  s.markApplied("", []);
  s.chooseLesson(id);
}

/** Back to the user's own work, exactly as it was left. */
export async function backToOwn(): Promise<void> {
  const s = get();
  const own = s.parked;
  if (s.workspace === "own") return;
  if (!own) {
    s.setWorkspace("own", null);
    s.chooseLesson(null);
    return;
  }
  s.setPresentation(false);
  await showWorkspace("own", own, null);
}

/** Makes the guest on screen the user's own work (their say: the parked work is let go). */
export function keepAsOwn(): void {
  const s = get();
  if (s.workspace === "own") return;
  s.setWorkspace("own", null, true);
}

/** Shows `record` as a guest workspace of `kind`, the user's own parked. */
export async function openGuest(kind: Exclude<WorkspaceKind, "own">, record: SessionRecord): Promise<void> {
  await showWorkspace(kind, { record, ui: { lines: [], history: [] } }, ownWorkspace());
}
