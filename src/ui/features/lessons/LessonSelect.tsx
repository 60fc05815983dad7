import { useT } from "../../i18n/useT";
import { backToOwn, enterLesson } from "../../session/workspaces";
import { useAppStore } from "../../store";
import { type LessonCatalog, requestLessons } from "./useLessons";

/** The lesson to play: it opens in a workspace of its own; choosing none brings the user's work back. */
export function LessonSelect({ catalog }: { catalog: LessonCatalog | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const lessonId = useAppStore((s) => s.lessonId);
  const known = catalog?.lessons.some((l) => l.id === lessonId) ?? false;
  return (
    <label className="lesson-select">
      {t("lesson.choose")}
      <select
        aria-label={t("lesson.choose")}
        value={known && lessonId ? lessonId : ""}
        onFocus={() => void requestLessons()}
        onPointerDown={() => void requestLessons()}
        onChange={(e) => (e.target.value ? enterLesson(e.target.value) : void backToOwn())}
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
