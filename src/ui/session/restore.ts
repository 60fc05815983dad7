/**
 * Puts a workspace on screen: the store's slices set from its record and
 * terminal, the engine rebuilt by replaying the record, then what the replay
 * produced (the applied text and its refusals, the packet and its hop, a
 * lesson step's prediction and burst) shown again.
 */

import { setPrediction } from "../features/lessons/lessonEngines";
import { findLesson, replayLessonTo } from "../features/lessons/lessonReplay";
import { useAppStore } from "../store";
import { refreshView, showTrace } from "../store/actions";
import type { WorkspaceKind } from "../store/sessionSlice";
import { clientEngine } from "./engines";
import type { LessonBase, ReplayEngine, ReplayOutcome } from "./replay";
import { replayRecord } from "./replay";
import type { Workspace } from "./stored";

const get = useAppStore.getState;

/** Replays a record's lesson part with the lessons feature (loaded on demand). */
export const lessonReplayer = (target: ReplayEngine, position: { id: string; step: number }) =>
  replayLessonTo(target, position);

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
    showTrace(null, undefined);
    const outcome = await replayRecord(clientEngine, r, lessonReplayer);
    s.markApplied(outcome.appliedText, outcome.errors);
    s.setText(r.draft ?? outcome.appliedText);
    const asks = r.lesson && outcome.lesson ? await showLessonBase(r.lesson, outcome.lesson) : false;
    if (outcome.trace && r.trace && !(asks && r.trace.entry === -1)) {
      showTrace(outcome.trace, r.trace.entry);
      get().setHop(Math.min(r.trace.hop, outcome.trace.hops.length - 1));
      get().pause();
    }
    return outcome;
  } finally {
    get().setRestoring(false);
    await refreshView().catch(() => undefined);
  }
}

/** A lesson step's screen after a quiet replay: where the diagram points, its burst, its question. */
async function showLessonBase(position: { id: string; step: number }, base: LessonBase): Promise<boolean> {
  const lesson = await findLesson(position.id);
  const index = Math.min(position.step, lesson.steps.length - 1);
  const step = lesson.steps[index]!;
  const s = get();
  s.setPointAt(step.point ?? null);
  s.setLessonBurst(base.burst);
  s.setStepLineStart(0);
  if (step.challenge)
    s.setChallenge({ stepKey: `${lesson.id}/${step.id}`, hints: 0, results: null, checking: false });
  // A question is asked again (its answer is not saved), so its packet stays hidden until checked.
  if (step.predict && base.trace)
    setPrediction(`${lesson.id}/${step.id}`, step.predict.kind, base.trace, base.sentView);
  return step.predict !== undefined;
}
