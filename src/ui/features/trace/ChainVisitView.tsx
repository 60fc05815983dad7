import { testMessage } from "../../../engine/net/hopStory";
import type { ChainVisit, RuleStep } from "../../../engine/net/hopWalk";
import { say } from "../../../engine/net/messages";
import { useT } from "../../i18n/useT";
import { FoldRow } from "./FoldRow";
import { useTraceWords } from "./useTraceWords";

/** One chain's visit: its rules as tested, in order, each jump's chain nested under it. */
export function ChainVisitView({ visit }: { visit: ChainVisit }) {
  return (
    <ol className="walk-steps" aria-label={visit.chain}>
      {visit.steps.map((s) =>
        s.k === "fold" ? <FoldRow key={`f${s.n}`} fold={s} /> : <RuleRow key={`r${s.n}`} step={s} />,
      )}
    </ol>
  );
}

function RuleRow({ step }: { step: RuleStep }) {
  const t = useT();
  const words = useTraceWords();
  const call = step.call;
  return (
    <li className={`walk-rule ${step.hit ? "walk-hit" : "walk-miss"}${step.decided ? " walk-decided" : ""}`}>
      <div className="walk-line">
        <span className="walk-n">{step.n}</span>
        <span className="walk-mark" role="img" aria-label={t(step.hit ? "walk.match" : "walk.noMatch")}>
          {step.hit ? "✓" : "✗"}
        </span>
        <code className="walk-text">{step.text}</code>
      </div>
      {step.tests?.map((test, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a rule's tests are a fixed sequence.
        <p key={i} className={`walk-test walk-test-${test.k}`}>
          {words(testMessage(test))}
        </p>
      ))}
      {step.decided ? <p className="walk-decides">{words(say("walk.decides"))}</p> : null}
      {call ? (
        <details className="walk-call" open>
          <summary>{words(say("walk.chain", { chain: call.chain, count: call.length }))}</summary>
          <ChainVisitView visit={call} />
        </details>
      ) : null}
    </li>
  );
}
