import { noEndpointsText, traceMessage } from "../../i18n/traceWords";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { costValues } from "./costValues";
import { HopRow } from "./HopRow";
import { PhaseToggles } from "./PhaseToggles";
import { traceRows } from "./phases";
import { traceAsText } from "./traceText";
import { verdictText } from "./verdictText";
import "./inspector.css";

/**
 * The selected packet's journey: its phases shown or folded, the hops, and
 * the current hop opened — the packet before and after, the conntrack entry,
 * every rule walked and why this backend.
 */
export function TracePanel() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const trace = useAppStore((s) => s.trace);
  const hop = useAppStore((s) => s.hop);
  const phases = useAppStore((s) => s.phases);
  const setPhases = useAppStore((s) => s.setPhases);

  if (!trace) {
    return (
      <section className="trace-panel" aria-label={t("trace.region")}>
        <p className="muted">{t("trace.empty")}</p>
      </section>
    );
  }
  const verdict = verdictText(t, trace);
  const message = trace.says ? traceMessage(language, trace.says) : trace.message;
  const why = noEndpointsText(language, trace);
  return (
    <section className="trace-panel" aria-label={t("trace.region")}>
      <header className="trace-header">
        <strong className={`verdict verdict-${trace.verdict}`}>{verdict}</strong>
        {message ? <code className="trace-message">{message}</code> : null}
        {why ? <p className="trace-why">{why}</p> : null}
        <span className="muted">{t("trace.total", costValues(t, trace.cost))}</span>
        <button type="button" onClick={() => navigator.clipboard?.writeText(traceAsText(trace, language))}>
          {t("trace.copy")}
        </button>
      </header>
      <PhaseToggles trace={trace} />
      <ol className="trace-hops">
        {traceRows(trace, phases).map((row) =>
          row.k === "hop" ? (
            <HopRow
              key={row.index}
              hop={trace.hops[row.index]!}
              index={row.index}
              current={row.index === hop}
            />
          ) : (
            <li key={`f${row.from}`} className={`hop hop-folded hop-${row.phase}`}>
              <button
                type="button"
                className="hop-unfold"
                onClick={() => setPhases({ ...phases, [row.phase]: true })}
              >
                {t("phase.folded", { phase: t(`phase.${row.phase}`), count: row.count })}
              </button>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
