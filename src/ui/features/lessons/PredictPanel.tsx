import type { HopPlace } from "../../../engine/net/types";
import { NO_BACKEND } from "../../../lessons/predict";
import type { LessonStep } from "../../../lessons/types";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

type T = ReturnType<typeof useT>;

function placeText(place: HopPlace, t: T): string {
  if (place.external) return t("predict.outside");
  if (place.pod) return t("predict.inPod", { pod: place.pod });
  return t("predict.onNode", { node: place.node ?? "" });
}

/**
 * Predict, then observe: the student picks from choices the engine's result
 * supplied, said in the student's language; Check reveals what the engine
 * did and plays the packet.
 */
export function PredictPanel({ step, stepKey }: { step: LessonStep; stepKey: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const prediction = useAppStore((s) => (s.prediction?.stepKey === stepKey ? s.prediction : null));
  const pickChoice = useAppStore((s) => s.pickChoice);
  const checkPrediction = useAppStore((s) => s.checkPrediction);
  if (!step.predict || !prediction) return null;
  const label = (value: string) => {
    if (prediction.kind === "verdict") return t(`predict.verdict.${value}` as MessageKey);
    if (value === NO_BACKEND) return t("predict.noBackend");
    if (prediction.kind === "node") return t("predict.nodeChoice", { node: value });
    const where = prediction.where?.[value];
    if (where) return t("predict.where", { stage: where.stage, place: placeText(where.place, t) });
    return value;
  };
  const name = `predict-${stepKey}`;
  const right = prediction.picked === prediction.answer;
  const result = !prediction.checked
    ? ""
    : prediction.picked === null
      ? t("predict.answer", { answer: label(prediction.answer) })
      : t(right ? "predict.correct" : "predict.wrong", { answer: label(prediction.answer) });
  return (
    <form
      className="predict"
      aria-label={t("predict.region")}
      onSubmit={(e) => {
        e.preventDefault();
        checkPrediction();
      }}
    >
      <fieldset>
        <legend>{step.predict.question[language]}</legend>
        <div role="radiogroup" aria-label={step.predict.question[language]}>
          {prediction.choices.map((c) => (
            <label
              key={c}
              className={prediction.checked && c === prediction.answer ? "choice choice-answer" : "choice"}
            >
              <input
                type="radio"
                name={name}
                value={c}
                checked={prediction.picked === c}
                disabled={prediction.checked}
                onChange={() => pickChoice(c)}
              />
              <span className={prediction.kind === "verdict" ? undefined : "mono"}>{label(c)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={prediction.picked === null || prediction.checked}>
        {t("predict.check")}
      </button>
      <p
        role="status"
        className={
          // Revealed without a pick (a presenter's room): the answer, neither right nor wrong.
          !prediction.checked || prediction.picked === null
            ? "predict-result"
            : right
              ? "predict-result ok"
              : "predict-result bad"
        }
      >
        {result}
      </p>
    </form>
  );
}
