import type { Lesson, LessonStep } from "../../../lessons/types";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { goalText } from "./goalText";
import { checkChallenge, nextHint } from "./lessonActions";
import { Narration } from "./Narration";

/**
 * A challenge: the goals, Check (the engine checks them on the cluster as the
 * student left it: pass or fail, goal by goal, with what the engine said),
 * and hints one at a time.
 */
export function ChallengePanel({ lesson, step }: { lesson: Lesson; step: LessonStep }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const stepKey = `${lesson.id}/${step.id}`;
  const state = useAppStore((s) => (s.challenge?.stepKey === stepKey ? s.challenge : null));
  const running = useAppStore((s) => s.lessonRunning || s.busy);
  if (!step.challenge || !state) return null;
  const { goals, hints } = step.challenge;
  const results = state.results;
  const failed = results ? results.filter((r) => !r.pass).length : 0;
  return (
    <section className="challenge" aria-label={t("challenge.region")}>
      <h3>{t("challenge.goals")}</h3>
      <ul className="challenge-goals">
        {goals.map((g, i) => {
          const r = results?.[i];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a step's goals are a fixed list.
            <li key={i} className={r ? (r.pass ? "goal goal-pass" : "goal goal-fail") : "goal"}>
              <span aria-hidden="true">{r ? (r.pass ? "✓" : "✗") : "○"}</span> {goalText(g, t)}
              {r && !r.pass ? (
                <code className="goal-actual">{t("challenge.now", { actual: r.actual.trim() })}</code>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="challenge-actions">
        <button
          type="button"
          className="primary"
          disabled={state.checking || running}
          onClick={() => void checkChallenge(lesson)}
        >
          {state.checking ? t("challenge.checking") : t("challenge.check")}
        </button>
        <button type="button" disabled={state.hints >= hints.length} onClick={() => nextHint(lesson)}>
          {t("challenge.hint")}
        </button>
      </div>
      <p
        role="status"
        className={results ? (failed === 0 ? "predict-result ok" : "predict-result bad") : "predict-result"}
      >
        {results
          ? failed === 0
            ? t("challenge.pass")
            : t("challenge.fail", { count: failed, total: goals.length })
          : ""}
      </p>
      {state.hints > 0 ? (
        <ol className="challenge-hints">
          {hints.slice(0, state.hints).map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: hints are revealed in order.
            <li key={i} aria-label={t("challenge.hintOf", { n: i + 1, total: hints.length })}>
              <Narration text={h[language]} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
