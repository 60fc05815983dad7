import type { Lesson } from "../../../lessons/types";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { nextStep, previousStep } from "./lessonActions";

/** Previous / Next step, and where the lesson is. */
export function StepNav({ lesson, large = false }: { lesson: Lesson; large?: boolean }) {
  const t = useT();
  const index = useAppStore((s) => s.lessonStep);
  // Running, or about to (the cluster is not at this step yet): navigation waits.
  const running = useAppStore((s) => s.lessonRunning || (s.ranStep !== s.lessonStep && s.ranStep !== -2));
  const last = lesson.steps.length - 1;
  return (
    <div className={large ? "step-nav step-nav-large" : "step-nav"}>
      <button
        type="button"
        onClick={() => void previousStep(lesson)}
        disabled={index <= 0}
        aria-disabled={running || undefined}
      >
        {t("lesson.previous")}
      </button>
      <span className="step-count" aria-live="polite">
        {t("lesson.stepOf", { n: Math.min(index, last) + 1, total: lesson.steps.length })}
        {running ? ` · ${t("lesson.running")}` : ""}
      </span>
      <button
        type="button"
        onClick={() => void nextStep(lesson)}
        disabled={index >= last}
        aria-disabled={running || undefined}
      >
        {t("lesson.next")}
      </button>
    </div>
  );
}
