import { useAppStore } from "../../store";
import type { LessonPosition } from "./scenario";

/** The lesson and step being played, if any. */
export function currentLesson(): LessonPosition | undefined {
  const { lessonId, lessonStep } = useAppStore.getState();
  return lessonId ? { id: lessonId, step: lessonStep } : undefined;
}

/**
 * Opens a shared lesson position, or leaves the lesson when the link has
 * none; the lesson player then brings the cluster to that step.
 */
export function openLesson(position: LessonPosition | undefined): void {
  const s = useAppStore.getState();
  if (position) s.openLesson(position.id, position.step);
  else if (s.lessonId) s.chooseLesson(null);
}

/**
 * Holds the lesson player while a shared link is read (it would otherwise
 * replay the saved lesson over the shared scenario); returns how to resume.
 */
export function holdLesson(): () => void {
  const held = currentLesson();
  if (held) useAppStore.getState().chooseLesson(null);
  return () => openLesson(held);
}
