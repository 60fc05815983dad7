import { useEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { enterLesson } from "../../session/workspaces";
import { useAppStore } from "../../store";
import { type LessonCatalog, requestLessons } from "../lessons/useLessons";

/** The lesson presentation opens on when none was chosen. */
export const SEED_LESSON_ID = "seed-services";

let focusOnMount = false;

/**
 * Opens presentation mode on the current lesson, or on the seed lesson in a
 * workspace of its own (the user's work is parked and comes back on leaving).
 */
export function PresentationButton({ catalog }: { catalog: LessonCatalog | null }) {
  const t = useT();
  const ref = useRef<HTMLButtonElement>(null);
  const setPresentation = useAppStore((s) => s.setPresentation);
  useEffect(() => {
    // Coming back from presentation mode: focus returns to the button that opened it.
    if (focusOnMount) ref.current?.focus();
    focusOnMount = false;
  }, []);
  const open = async () => {
    const lessons = catalog ?? (await requestLessons());
    const s = useAppStore.getState();
    const inLesson = s.workspace === "lesson" && lessons.lessons.some((l) => l.id === s.lessonId);
    const start = lessons.lessons.find((l) => l.id === SEED_LESSON_ID)?.id ?? lessons.lessons[0]?.id;
    if (!inLesson && start) enterLesson(start);
    focusOnMount = true;
    setPresentation(true, inLesson ? "lesson" : "own");
  };
  return (
    <button ref={ref} type="button" className="presentation-button" onClick={() => void open()}>
      {t("presentation.open")}
    </button>
  );
}
