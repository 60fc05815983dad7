/**
 * Moving through a lesson. The next step runs on the cluster as it is, when
 * nothing else happened since the last one; any other move rebuilds the
 * lesson's cluster and replays the steps before the target quietly, so the
 * state is always what the lesson says. Steps are not journaled: the
 * session record holds the lesson's position, and only what the student
 * does on top of it.
 */

import { LESSON_FILES } from "../../../lessons/files";
import { checkGoals, type GoalEngine } from "../../../lessons/goals";
import { runLessonStep } from "../../../lessons/runStep";
import type { Lesson } from "../../../lessons/types";
import { clientEngine } from "../../session/engines";
import { guardedEngine, WorkspaceLeft, workspaceWatch } from "../../session/epoch";
import { useAppStore } from "../../store";
import { refreshView, sendPacket, showTrace } from "../../store/actions";
import { engine } from "../../worker/client";
import { filterFolding } from "../trace/phases";
import { visibleEngine } from "./lessonEngines";
import { replaySteps } from "./lessonReplay";

const get = useAppStore.getState;

/**
 * Brings the cluster to `index` and runs that step visibly. Ignored while another step runs.
 * Leaving the lesson's workspace meanwhile stops the step where it is: nothing more of it
 * reaches the engine or the screen, which are the next workspace's.
 */
export async function goToStep(lesson: Lesson, index: number): Promise<void> {
  const s = get();
  const live = workspaceWatch();
  const step = lesson.steps[index];
  // The lesson on screen only: a step asked for just before the user left the lesson is not run.
  if (!step || s.lessonRunning || s.lessonId !== lesson.id) return;
  const incremental =
    s.ranStep >= 0 &&
    s.ranStep === index - 1 &&
    s.journal.length === 0 &&
    !lesson.steps[index - 1]?.challenge;
  s.setLessonRunning(true);
  s.setLessonError(null);
  s.setPrediction(null);
  s.setLessonBurst(null);
  s.setChallenge(
    step.challenge ? { stepKey: `${lesson.id}/${step.id}`, hints: 0, results: null, checking: false } : null,
  );
  // A step's packet starts fresh: nothing of an earlier step's trace stays on screen.
  showTrace(null, undefined);
  s.setLessonStep(index);
  s.setPointAt(step.point ?? null);
  s.setPhases(filterFolding(step.fold ?? []));
  try {
    if (!incremental) {
      s.startCluster(lesson.cluster.seed, lesson.cluster.startTime);
      s.clearTerminal();
      const capture = await replaySteps(guardedEngine(clientEngine, live), lesson, index);
      if (!live()) throw new WorkspaceLeft();
      get().markApplied(capture.editorText, []);
      get().setText(capture.editorText);
      await refreshView();
    }
    get().setStepLineStart(get().lines.length);
    await runLessonStep(
      step,
      visibleEngine(`${lesson.id}/${step.id}`, step.predict !== undefined, live),
      LESSON_FILES,
    );
    if (!live()) return;
    get().setRanStep(index);
  } catch (e) {
    if (!live()) return;
    get().setRanStep(-2);
    get().setLessonError(e instanceof Error ? e.message : String(e));
  } finally {
    if (live()) get().setLessonRunning(false);
  }
}

export async function nextStep(lesson: Lesson): Promise<void> {
  const i = get().lessonStep;
  if (i + 1 < lesson.steps.length) await goToStep(lesson, i + 1);
}

export async function previousStep(lesson: Lesson): Promise<void> {
  const i = get().lessonStep;
  if (i > 0) await goToStep(lesson, i - 1);
}

/**
 * The engine as a challenge's checks see it: a packet is sent and shown (and
 * journaled, like any packet), a line runs quietly but is journaled too (it
 * may move the clock or draw from the PRNG), the view is the engine's.
 */
const goalEngine = (live: () => boolean): GoalEngine => ({
  send: (request) => sendPacket(request),
  run: async (line) => {
    if (!live()) throw new WorkspaceLeft();
    const out = await engine.call((api) => api.run(line));
    if (!live()) throw new WorkspaceLeft();
    get().journalOp({ op: "run", line });
    return out;
  },
  view: () => engine.call((api) => api.view()),
});

/** Checks the current challenge's goals on the engine. */
export async function checkChallenge(lesson: Lesson): Promise<void> {
  const s = get();
  const step = lesson.steps[s.lessonStep];
  const state = s.challenge;
  if (!step?.challenge || !state || state.checking) return;
  s.setChallenge({ ...state, checking: true });
  const live = workspaceWatch();
  try {
    const results = await checkGoals(step.challenge.goals, goalEngine(live));
    if (!live()) return;
    get().setChallenge({ ...state, results, checking: false });
  } catch (e) {
    if (!live()) return;
    get().setChallenge({ ...state, checking: false });
    get().setLessonError(e instanceof Error ? e.message : String(e));
  }
  await refreshView();
}

/** Reveals the next hint. */
export function nextHint(lesson: Lesson): void {
  const s = get();
  const step = lesson.steps[s.lessonStep];
  const state = s.challenge;
  if (!step?.challenge || !state) return;
  s.setChallenge({ ...state, hints: Math.min(state.hints + 1, step.challenge.hints.length) });
}
