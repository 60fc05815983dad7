import { useCallback, useEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { Narration } from "../lessons/Narration";
import { PredictPanel } from "../lessons/PredictPanel";
import { StepNav } from "../lessons/StepNav";
import type { LessonCatalog } from "../lessons/useLessons";
import { ShareControls } from "../share/ShareControls";
import { TopologyPanel } from "../topology/TopologyPanel";
import { leaveFullscreen, toggleFullscreen } from "./fullscreen";
import { StepOutput } from "./StepOutput";
import { ThemeSelect } from "./ThemeSelect";
import { usePresentationKeys } from "./usePresentationKeys";
import "./presentation.css";

/**
 * The lesson for a room: the diagram, the narration and the step's commands
 * with their output, in large type; no other chrome. Keyboard-driven.
 */
export function PresentationMode({ catalog }: { catalog: LessonCatalog | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const lessonId = useAppStore((s) => s.lessonId);
  const index = useAppStore((s) => s.lessonStep);
  const error = useAppStore((s) => s.lessonError);
  const setPresentation = useAppStore((s) => s.setPresentation);
  const root = useRef<HTMLDivElement>(null);
  const lesson = catalog?.lessons.find((l) => l.id === lessonId) ?? null;
  const step = lesson?.steps[Math.min(index, lesson.steps.length - 1)];

  const leave = useCallback(() => {
    void leaveFullscreen();
    setPresentation(false);
  }, [setPresentation]);
  usePresentationKeys(lesson, root, leave);
  useEffect(() => root.current?.focus(), []);

  return (
    <div
      ref={root}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={t("presentation.open")}
      tabIndex={-1}
    >
      <header className="present-bar">
        <p className="present-title">{lesson ? lesson.title[language] : t("lesson.loading")}</p>
        {lesson ? <StepNav lesson={lesson} large /> : null}
        <div className="present-tools">
          <ThemeSelect />
          <button type="button" onClick={() => void toggleFullscreen(root.current)}>
            {t("presentation.fullscreen")}
          </button>
          <button type="button" onClick={leave}>
            {t("presentation.exit")}
          </button>
        </div>
      </header>
      <p className="present-keys muted">{t("presentation.keys")}</p>
      <div className="present-main">
        <div className="present-left">
          <div className="present-diagram">
            <TopologyPanel />
          </div>
          <div className="present-share">
            <ShareControls presentation />
          </div>
        </div>
        <div className="present-side">
          {lesson && step ? (
            // A long step scrolls: it takes focus so the keyboard can scroll it (WCAG 2.1.1).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable.
            <article className="present-step" aria-labelledby="present-step-title" tabIndex={0}>
              <h2 id="present-step-title">{step.title[language]}</h2>
              <Narration text={step.narration[language]} className="narration present-narration" />
              {error ? (
                <p className="lesson-error" role="alert">
                  {t("lesson.error", { message: error })}
                </p>
              ) : null}
              <PredictPanel step={step} stepKey={`${lesson.id}/${step.id}`} />
            </article>
          ) : null}
          <StepOutput />
        </div>
      </div>
    </div>
  );
}
