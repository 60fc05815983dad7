import type { Trace } from "../../../engine/net/types";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { phasesIn } from "./phases";

/** A switch per phase the trace has: shown, or folded (stepping skips a folded phase). */
export function PhaseToggles({ trace }: { trace: Trace }) {
  const t = useT();
  const phases = useAppStore((s) => s.phases);
  const setPhases = useAppStore((s) => s.setPhases);
  return (
    <fieldset className="trace-phases">
      <legend>{t("phase.label")}</legend>
      {phasesIn(trace).map((p) => (
        <label key={p} className="trace-phase">
          <input
            type="checkbox"
            checked={phases[p]}
            onChange={(e) => setPhases({ ...phases, [p]: e.target.checked })}
          />
          {t(`phase.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}
