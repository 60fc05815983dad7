/**
 * Puts a workspace on screen: the store's slices set from its record and
 * terminal, the engine rebuilt by replaying the record, then what the replay
 * produced (the applied text and its refusals, the packet and its hop, a
 * lesson step's prediction and burst) shown again.
 */

import { filterFolding } from "../features/trace/phases";
import { useAppStore } from "../store";
import { refreshView, showTrace } from "../store/actions";
import type { WorkspaceKind } from "../store/sessionSlice";
import { clientEngine } from "./engines";
import type { ReplayEngine, ReplayOutcome } from "./replay";
import { lastAppliedText, replayRecord } from "./replay";
import type { Workspace } from "./stored";

const get = useAppStore.getState;

/** The lessons feature, loaded when a record holds a lesson (not with every page). */
const lessons = () => import("../features/lessons/lessonReplay");

/** Replays a record's lesson part with the lessons feature. */
export const lessonReplayer = async (target: ReplayEngine, position: { id: string; step: number }) =>
  (await lessons()).replayLessonTo(target, position);

/**
 * Shows `ws` as the `kind` workspace, with `parked` kept aside. Rejects with
 * a ReplayError (or the engine's failure) when the record does not replay;
 * the store then holds the record anyway: the caller decides what to show.
 */
export async function showWorkspace(
  kind: WorkspaceKind,
  ws: Workspace,
  parked: Workspace | null,
): Promise<ReplayOutcome> {
  const s = get();
  const r = ws.record;
  s.setRestoring(true);
  try {
    s.setWorkspace(kind, parked);
    s.startCluster(r.seed, r.startTime, r.journal);
    s.restoreLesson(r.lesson ?? null);
    s.restoreTerminal(ws.ui.lines, ws.ui.history);
    // The editor's text goes on screen with the workspace, not once the replay ends (which takes
    // as long as the engine does, or never ends when it fails): the draft is the user's from the
    // first moment, and a save made after a failed replay still holds it. A lesson's own text is
    // known only from its replay.
    const applied = lastAppliedText(r.journal) ?? "";
    const shown = r.draft ?? applied;
    s.markApplied(applied, []);
    s.setText(shown);
    showTrace(null, undefined);
    const outcome = await replayRecord(clientEngine, r, lessonReplayer);
    s.markApplied(outcome.appliedText, outcome.errors);
    s.setImportReport(outcome.imported);
    // What the user typed meanwhile is theirs; otherwise the text the replay found.
    if (get().text === shown) s.setText(r.draft ?? outcome.appliedText);
    const asks =
      r.lesson && outcome.lesson ? await (await lessons()).showLessonBase(r.lesson, outcome.lesson) : false;
    if (outcome.trace && r.trace && !(asks && r.trace.entry === -1)) {
      showTrace(outcome.trace, r.trace.entry);
      get().setPhases(filterFolding(r.trace.folded ?? []));
      get().setHop(Math.min(r.trace.hop, outcome.trace.hops.length - 1));
      get().pause();
      // A packet the sharer sent is what the link is about: its trace opens beside the diagram. A
      // lesson step's own packet leaves the lesson beside it (a room's link is made on every step).
      if (kind === "share" && r.trace.entry >= 0) get().setSide("trace");
    }
    return outcome;
  } finally {
    get().setRestoring(false);
    await refreshView().catch(() => undefined);
  }
}
