import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { type LessonCatalog, requestLessons } from "./useLessons";

/** The lesson to play; choosing one rebuilds the cluster at its first step. */
export function LessonSelect({ catalog }: { catalog: LessonCatalog | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const lessonId = useAppStore((s) => s.lessonId);
  const chooseLesson = useAppStore((s) => s.chooseLesson);
  const known = catalog?.lessons.some((l) => l.id === lessonId) ?? false;
  return (
    <label className="lesson-select">
      {t("lesson.choose")}
      <select
        aria-label={t("lesson.choose")}
        value={known && lessonId ? lessonId : ""}
        onFocus={() => void requestLessons()}
        onPointerDown={() => void requestLessons()}
        onChange={(e) => chooseLesson(e.target.value || null)}
      >
        <option value="">{t("lesson.none")}</option>
        {(catalog?.lessons ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.title[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
