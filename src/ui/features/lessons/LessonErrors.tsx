import { useT } from "../../i18n/useT";

/** Lesson files that failed to load, with every problem, so a teacher can fix them. */
export function LessonErrors({ broken }: { broken: { file: string; errors: string[] }[] }) {
  const t = useT();
  if (broken.length === 0) return null;
  return (
    <div className="lesson-broken" role="alert">
      {broken.map((b) => (
        <div key={b.file}>
          <p>{t("lesson.broken", { file: b.file })}</p>
          <ul>
            {b.errors.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
