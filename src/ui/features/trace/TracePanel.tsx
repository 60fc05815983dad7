import type { TraceHop } from "../../../engine/net/types";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { traceAsText } from "./traceText";

/** The hops of the selected packet: stage, rule, rewrite and cost, the current one marked. */
export function TracePanel() {
  const t = useT();
  const trace = useAppStore((s) => s.trace);
  const hop = useAppStore((s) => s.hop);
  const setHop = useAppStore((s) => s.setHop);
  const pause = useAppStore((s) => s.pause);

  if (!trace) {
    return (
      <section className="trace-panel" aria-label={t("trace.region")}>
        <p className="muted">{t("trace.empty")}</p>
      </section>
    );
  }
  const verdict =
    trace.verdict === "delivered" && trace.backend
      ? t("trace.verdict.delivered", {
          pod: trace.backend.pod,
          ip: `${trace.backend.ip}:${trace.backend.port}`,
        })
      : t(`trace.verdict.${trace.verdict}`);
  return (
    <section className="trace-panel" aria-label={t("trace.region")}>
      <header className="trace-header">
        <strong className={`verdict verdict-${trace.verdict}`}>{verdict}</strong>
        {trace.message ? <code className="trace-message">{trace.message}</code> : null}
        <span className="muted">
          {t("trace.total", { rules: trace.cost.rulesEvaluated, lookups: trace.cost.lookups })}
        </span>
        <button type="button" onClick={() => navigator.clipboard?.writeText(traceAsText(trace))}>
          {t("trace.copy")}
        </button>
      </header>
      <ol className="trace-hops">
        {trace.hops.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: hops are a fixed sequence.
          <li key={i} aria-current={i === hop ? "step" : undefined} className={`hop hop-${h.direction}`}>
            <button
              type="button"
              className="hop-select"
              onClick={() => {
                pause();
                setHop(i);
              }}
            >
              <span className="hop-index">{i + 1}</span>
              <span className="hop-place">{placeText(h)}</span>
              <span className="hop-stage">{h.stage}</span>
            </button>
            {h.rule ? <code className="hop-rule">{h.rule}</code> : null}
            {h.rewrite ? (
              <span className="hop-rewrite">
                {h.rewrite.type} {h.rewrite.before.ip}:{h.rewrite.before.port} → {h.rewrite.after.ip}:
                {h.rewrite.after.port}
              </span>
            ) : null}
            {h.cost.rulesEvaluated || h.cost.lookups ? (
              <span className="hop-cost">
                {t("trace.costValue", { rules: h.cost.rulesEvaluated, lookups: h.cost.lookups })}
              </span>
            ) : null}
            {h.note ? <span className="hop-note">{h.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function placeText(h: TraceHop): string {
  const p = h.place;
  if (p.external) return "outside";
  return [p.node, p.pod ? `${p.namespace ?? "default"}/${p.pod}` : undefined, p.interface]
    .filter(Boolean)
    .join(" · ");
}
