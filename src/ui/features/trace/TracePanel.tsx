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
        <span className="muted">{t("trace.total", costValues(t, trace.cost))}</span>
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
              <span className="hop-place">{placeText(h, t("topology.outside"))}</span>
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
              <span className="hop-cost">{t("trace.costValue", costValues(t, h.cost))}</span>
            ) : null}
            {h.note ? <span className="hop-note">{h.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "26 rules" and "11 lookups", each in the language's plural form, for a message that joins them. */
function costValues(t: ReturnType<typeof useT>, cost: TraceHop["cost"]) {
  return {
    rules: t("trace.rules", { count: cost.rulesEvaluated }),
    lookups: t("trace.lookups", { count: cost.lookups }),
  };
}

function placeText(h: TraceHop, outside: string): string {
  const p = h.place;
  if (p.external) return outside;
  return [p.node, p.pod ? `${p.namespace ?? "default"}/${p.pod}` : undefined, p.interface]
    .filter(Boolean)
    .join(" · ");
}
