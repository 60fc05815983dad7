import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useT } from "../../i18n/useT";
import { backToOwn } from "../../session/workspaces";
import { useAppStore } from "../../store";
import { ChallengePanel } from "../lessons/ChallengePanel";
import { Narration } from "../lessons/Narration";
import { PredictPanel } from "../lessons/PredictPanel";
import { StepNav } from "../lessons/StepNav";
import type { LessonCatalog } from "../lessons/useLessons";
import { BurstTable } from "../send/BurstTable";
import { TopologyPanel } from "../topology/TopologyPanel";
import { leaveFullscreen, toggleFullscreen } from "./fullscreen";
import { HopStatus } from "./HopStatus";
import { QrOverlay } from "./QrOverlay";
import { StepOutput } from "./StepOutput";
import { ThemeSelect } from "./ThemeSelect";
import { usePresentationKeys } from "./usePresentationKeys";
import "./presentation.css";

/**
 * The lesson for a room: the diagram, the narration, the question and the
 * step's commands with their output, in large type; no other chrome.
 * Keyboard- and clicker-driven: the packet walks hop by hop, then the next
 * step comes (beats.ts). It runs in the lesson's own workspace; leaving
 * brings back what was on screen before.
 */
export function PresentationMode({ catalog }: { catalog: LessonCatalog | null }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const lessonId = useAppStore((s) => s.lessonId);
  const index = useAppStore((s) => s.lessonStep);
  const error = useAppStore((s) => s.lessonError);
  const burst = useAppStore((s) => s.lessonBurst);
  const root = useRef<HTMLDivElement>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const lesson = catalog?.lessons.find((l) => l.id === lessonId) ?? null;
  const step = lesson?.steps[Math.min(index, lesson.steps.length - 1)];

  const leave = useCallback(() => {
    void leaveFullscreen();
    const s = useAppStore.getState();
    const from = s.presentationFrom;
    s.setPresentation(false);
    if (from === "own") void backToOwn();
  }, []);
  const qr = useMemo(() => ({ open: qrOpen, toggle: () => setQrOpen((o) => !o) }), [qrOpen]);
  usePresentationKeys(lesson, root, leave, qr);
  useEffect(() => root.current?.focus(), []);
  // The presenter walks the packet (→ or Space): a new packet waits at its first hop.
  useEffect(
    () =>
      useAppStore.subscribe((s, p) => {
        if (s.trace !== p.trace && s.playing) s.pause();
      }),
    [],
  );

  return (
    <div
      ref={root}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={t("presentation.open")}
      tabIndex={-1}
    >
      <div className="present-main">
        <div className="present-diagram">
          <TopologyPanel />
        </div>
        <div className="present-side">
          <header className="present-bar">
            <p className="present-title">{lesson ? lesson.title[language] : t("lesson.loading")}</p>
            {lesson ? <StepNav lesson={lesson} large /> : null}
            <div className="present-tools">
              <ThemeSelect />
              <button type="button" aria-pressed={qrOpen} onClick={qr.toggle}>
                {t("presentation.qr")}
              </button>
              <button type="button" onClick={() => void toggleFullscreen(root.current)}>
                {t("presentation.fullscreen")}
              </button>
              <button type="button" onClick={leave}>
                {t("presentation.exit")}
              </button>
            </div>
          </header>
          {lesson && step ? (
            // A long step scrolls: it takes focus so the keyboard can scroll it (WCAG 2.1.1).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable.
            <article className="present-step" aria-labelledby="present-step-title" tabIndex={0}>
              <h2 id="present-step-title">{step.title[language]}</h2>
              <Narration text={step.narration[language]} className="narration present-narration" />
            </article>
          ) : null}
          {lesson && step ? (
            // The question, its answer and the burst never scroll away behind the narration.
            <div className="present-interact">
              {error ? (
                <p className="lesson-error" role="alert">
                  {t("lesson.error", { message: error })}
                </p>
              ) : null}
              <PredictPanel step={step} stepKey={`${lesson.id}/${step.id}`} />
              <ChallengePanel lesson={lesson} step={step} />
              {burst ? <BurstTable result={burst} /> : null}
              <HopStatus />
            </div>
          ) : null}
          <StepOutput />
          <p className="present-keys muted">{t("presentation.keys")}</p>
        </div>
      </div>
      {qrOpen ? <QrOverlay onClose={() => setQrOpen(false)} /> : null}
    </div>
  );
}
