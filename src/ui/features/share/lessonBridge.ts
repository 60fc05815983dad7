import { useAppStore } from "../../store";
import type { LessonPosition } from "./scenario";

/**
 * Reads and sets the lesson position in the store without depending on the
 * lessons slice's exact shape (it is being written alongside this feature):
 * it looks for `lessonId` + `lessonStep` and `openLesson(id, step)`.
 */
function state(): Record<string, unknown> {
  return useAppStore.getState() as unknown as Record<string, unknown>;
}

export function currentLesson(): LessonPosition | undefined {
  const s = state();
  const id = s.lessonId;
  const step = s.lessonStep;
  if (typeof id !== "string" || !id) return undefined;
  return { id, step: typeof step === "number" ? step : 0 };
}

export function openLesson(position: LessonPosition | undefined): void {
  const open = state().openLesson;
  if (position && typeof open === "function") open(position.id, position.step);
}
