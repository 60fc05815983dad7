import { useEffect } from "react";
import { useAppStore } from "../../store";
import type { LessonCatalog } from "./useLessons";

/**
 * Brings the cluster to the chosen lesson's step whenever the store says it
 * is not there yet (a lesson was chosen, a reload, a shared link), once the
 * engine is up. A failed step is not retried until the student moves.
 */
export function useLessonSync(catalog: LessonCatalog | null) {
  const lessonId = useAppStore((s) => s.lessonId);
  const lessonStep = useAppStore((s) => s.lessonStep);
  const ranStep = useAppStore((s) => s.ranStep);
  const running = useAppStore((s) => s.lessonRunning);
  const booted = useAppStore((s) => s.view !== null);
  useEffect(() => {
    if (!catalog || !lessonId || ranStep !== -1 || running || !booted) return;
    const lesson = catalog.lessons.find((l) => l.id === lessonId);
    // The lesson player's code loads with the first lesson, not with every page.
    if (lesson)
      void import("./lessonActions").then((m) =>
        m.goToStep(lesson, Math.min(lessonStep, lesson.steps.length - 1)),
      );
  }, [catalog, lessonId, lessonStep, ranStep, running, booted]);
}
