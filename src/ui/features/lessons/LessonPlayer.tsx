import type { Lesson } from "../../../lessons/types";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { BurstTable } from "../send/BurstTable";
import { ChallengePanel } from "./ChallengePanel";
import { LessonErrors } from "./LessonErrors";
import { LessonSelect } from "./LessonSelect";
import { goToStep } from "./lessonActions";
import { Narration } from "./Narration";
import { PredictPanel } from "./PredictPanel";
import { StepNav } from "./StepNav";
import { type LessonCatalog, useLessonsRequested } from "./useLessons";
import "./lessons.css";

/** Choose a lesson, walk its steps: narration, the step run on the cluster, a prediction to check. */
export function LessonPlayer({ catalog }: { catalog: LessonCatalog | null }) {
  const t = useT();
  const lessonId = useAppStore((s) => s.lessonId);
  const lesson = catalog?.lessons.find((l) => l.id === lessonId) ?? null;
  const requested = useLessonsRequested();
  return (
    <section className="lesson-player" aria-label={t("lesson.region")}>
      <div className="lesson-bar">
        <LessonSelect catalog={catalog} />
        {lesson ? <StepNav lesson={lesson} /> : null}
      </div>
      {catalog ? (
        <LessonErrors broken={catalog.broken} />
      ) : requested ? (
        <p className="muted">{t("lesson.loading")}</p>
      ) : null}
      {lesson ? <LessonBody lesson={lesson} /> : null}
    </section>
  );
}

function LessonBody({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const index = useAppStore((s) => s.lessonStep);
  const error = useAppStore((s) => s.lessonError);
  const burst = useAppStore((s) => s.lessonBurst);
  const step = lesson.steps[Math.min(index, lesson.steps.length - 1)]!;
  return (
    <div className="lesson-body">
      <nav aria-label={t("lesson.steps")} className="lesson-steps">
        <ol>
          {lesson.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="lesson-step-link"
                aria-current={i === index ? "step" : undefined}
                onClick={() => void goToStep(lesson, i)}
              >
                {s.title[language]}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <article className="lesson-step" aria-labelledby="lesson-step-title">
        <p className="muted lesson-summary">{lesson.summary[language]}</p>
        <h2 id="lesson-step-title">{step.title[language]}</h2>
        <Narration text={step.narration[language]} />
        {error ? (
          <p className="lesson-error" role="alert">
            {t("lesson.error", { message: error })}
          </p>
        ) : null}
        <PredictPanel step={step} stepKey={`${lesson.id}/${step.id}`} />
        <ChallengePanel lesson={lesson} step={step} />
        {burst ? <BurstTable result={burst} /> : null}
      </article>
    </div>
  );
}
