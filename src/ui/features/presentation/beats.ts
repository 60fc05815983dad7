/**
 * A presentation moves in beats, so a clicker (which sends only PageDown and
 * PageUp) can run a whole lesson: a step's question is revealed, then its
 * packet walks hop by hop, then the next step comes. Back goes the other way.
 */
import type { Lesson } from "../../../lessons/types";
import { useAppStore } from "../../store";
import { nextStep, previousStep } from "../lessons/lessonActions";

const get = useAppStore.getState;

/** The step is still being brought to the screen: a beat would act on what is about to change. */
function busy(): boolean {
  const s = get();
  return s.lessonRunning || (s.ranStep !== s.lessonStep && s.ranStep !== -2);
}

export async function nextBeat(lesson: Lesson): Promise<void> {
  if (busy()) return;
  const s = get();
  if (s.prediction && !s.prediction.checked) {
    s.revealPrediction();
    s.pause();
    return;
  }
  if (s.trace && s.hop < s.trace.hops.length - 1) {
    s.stepForward();
    return;
  }
  await nextStep(lesson);
}

export async function previousBeat(lesson: Lesson): Promise<void> {
  if (busy()) return;
  const s = get();
  if (s.trace && s.hop > 0) {
    s.stepBack();
    return;
  }
  await previousStep(lesson);
}
