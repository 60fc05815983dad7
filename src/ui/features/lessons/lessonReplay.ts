/**
 * Brings an engine to a lesson step quietly: the lesson's cluster, every
 * earlier step (a passed challenge with its solution), then the step itself.
 * The session's replay calls this for a lesson's record (and then shows the
 * step's screen with showLessonBase), and so does moving to a step that is
 * not the next one. Loaded on demand: a page without a lesson never needs it.
 */
import { LESSON_FILES } from "../../../lessons/files";
import { prepareCluster, runLessonStep } from "../../../lessons/runStep";
import type { Lesson } from "../../../lessons/types";
import type { LessonBase, ReplayEngine } from "../../session/replay";
import { useAppStore } from "../../store";
import { clusterEngine, emptyCapture, type QuietCapture, quietEngine, setPrediction } from "./lessonEngines";
import { requestLessons } from "./useLessons";

/** Builds the lesson's cluster and runs steps `0 … upTo - 1` (passed: their challenges solved). */
export async function replaySteps(target: ReplayEngine, lesson: Lesson, upTo: number): Promise<QuietCapture> {
  const capture = emptyCapture();
  await prepareCluster(lesson.cluster, clusterEngine(target), LESSON_FILES);
  for (const step of lesson.steps.slice(0, upTo)) {
    capture.trace = null;
    capture.burst = null;
    await runLessonStep(step, quietEngine(target, capture), LESSON_FILES, true);
  }
  return capture;
}

/** The lesson by id, loading the lessons if needed; throws when there is none by that id. */
export async function findLesson(id: string): Promise<Lesson> {
  const catalog = await requestLessons();
  const lesson = catalog.lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`there is no lesson "${id}"`);
  return lesson;
}

/** The session's lesson replayer: the cluster as it was when the step had just run. */
export async function replayLessonTo(
  target: ReplayEngine,
  position: { id: string; step: number },
): Promise<QuietCapture> {
  const lesson = await findLesson(position.id);
  const index = Math.min(position.step, lesson.steps.length - 1);
  const capture = await replaySteps(target, lesson, index);
  capture.trace = null;
  capture.burst = null;
  await runLessonStep(lesson.steps[index]!, quietEngine(target, capture), LESSON_FILES, false);
  return capture;
}

/** A lesson step's screen after a quiet replay: where the diagram points, its burst, its question. */
export async function showLessonBase(
  position: { id: string; step: number },
  base: LessonBase,
): Promise<boolean> {
  const lesson = await findLesson(position.id);
  const index = Math.min(position.step, lesson.steps.length - 1);
  const step = lesson.steps[index]!;
  const s = useAppStore.getState();
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
