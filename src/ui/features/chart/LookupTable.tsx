import type { LookupRow } from "../../../engine/bench/contract";
import { useAppStore } from "../../store";
import { type ChartT, formatNumber, MODE_LABEL } from "./chartText";
import { CHART_MODES } from "./layout";

interface Props {
  rows: readonly LookupRow[];
  t: ChartT;
  /** Show the (empty) table already: a run is under way and its rows will fill it. */
  reserve?: boolean;
}

/** Every measured number, exactly: the chart's accessible twin and its tooltip for screen readers. */
export function LookupTable({ rows, t, reserve = false }: Props) {
  const language = useAppStore((s) => s.language);
  const f = (v: number) => formatNumber(language, v);
  const sorted = [...rows].sort(
    (a, b) => a.services - b.services || CHART_MODES.indexOf(a.mode) - CHART_MODES.indexOf(b.mode),
  );
  if (!sorted.length && !reserve) return null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="lookup-table-wrap" aria-label={t("chart.table")} tabIndex={0}>
      <table className="lookup-table">
        <caption>{t("chart.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.col.services")}</th>
            <th scope="col">{t("chart.col.mode")}</th>
            <th scope="col">{t("chart.col.dataPlane")}</th>
            <th scope="col">{t("chart.col.mean")}</th>
            <th scope="col">{t("chart.col.worst")}</th>
            <th scope="col">{t("chart.col.lookups")}</th>
            <th scope="col">{t("chart.col.established")}</th>
            <th scope="col">{t("chart.col.sync")}</th>
            <th scope="col">{t("chart.col.latency")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={`${r.services}/${r.mode}`} className={`mode-${r.mode}`}>
              <th scope="row">{f(r.services)}</th>
              <th scope="row">{MODE_LABEL[r.mode]}</th>
              <td>{f(r.dataPlaneSize)}</td>
              <td>{f(r.meanRulesEvaluated)}</td>
              <td>{f(r.worstRulesEvaluated)}</td>
              <td>{f(r.meanLookups)}</td>
              <td>
                {f(r.establishedRulesEvaluated)} / {f(r.establishedLookups)}
              </td>
              <td>{f(r.syncRulesWritten)}</td>
              <td>{f(r.modelledLatencyMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
