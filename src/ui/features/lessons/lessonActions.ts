/**
 * Moving through a lesson. The next step runs on the cluster as it is;
 * any other move rebuilds the cluster from scratch and replays the steps
 * before the target quietly, so the state is always what the lesson says.
 */
import { exampleText } from "../../../examples";
import { runLessonStep } from "../../../lessons/runStep";
import type { Lesson } from "../../../lessons/types";
import { useAppStore } from "../../store";
import { refreshView } from "../../store/actions";
import { engine } from "../../worker/client";
import { filterFolding } from "../trace/phases";
import { quietEngine, visibleEngine } from "./lessonEngines";

const get = useAppStore.getState;

/** The seed every lesson's cluster starts from, so a lesson replays the same everywhere. */
export const LESSON_SEED = 1;

/** Brings the cluster to `index` and runs that step visibly. Ignored while another step runs. */
export async function goToStep(lesson: Lesson, index: number): Promise<void> {
  const s = get();
  const step = lesson.steps[index];
  if (!step || s.lessonRunning) return;
  s.setLessonRunning(true);
  s.setLessonError(null);
  s.setPrediction(null);
  s.setLessonBurst(null);
  s.setLessonStep(index);
  s.setPointAt(step.point ?? null);
  s.setPhases(filterFolding(step.fold ?? []));
  try {
    const incremental = s.lessonId === lesson.id && s.ranStep >= 0 && s.ranStep === index - 1;
    if (!incremental) {
      await engine.reset({ seed: LESSON_SEED });
      s.clearSent();
      s.clearTerminal();
      s.setTrace(null);
      for (const earlier of lesson.steps.slice(0, index))
        await runLessonStep(earlier, quietEngine, exampleText);
      await refreshView();
    }
    get().setStepLineStart(get().lines.length);
    await runLessonStep(
      step,
      visibleEngine(`${lesson.id}/${step.id}`, step.predict !== undefined),
      exampleText,
    );
    get().setRanStep(index);
  } catch (e) {
    get().setRanStep(-2);
    get().setLessonError(e instanceof Error ? e.message : String(e));
  } finally {
    get().setLessonRunning(false);
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
