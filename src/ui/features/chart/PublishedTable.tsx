import type { LookupRow } from "../../../engine/bench/contract";
import { PUBLISHED_POINTS, type PublishedPoint } from "../../../engine/bench/published";
import { useAppStore } from "../../store";
import { type ChartT, formatNumber, MODE_LABEL } from "./chartText";

interface Props {
  rows: readonly LookupRow[];
  t: ChartT;
}

/**
 * Published measurements with their sources, beside this app's modelled
 * latency where the experiment measured the same mode at the same size
 * (for medians: the model predicts a typical first packet, not a tail).
 */
export function PublishedTable({ rows, t }: Props) {
  const language = useAppStore((s) => s.language);
  const f = (v: number) => formatNumber(language, v);
  // The model predicts a typical first packet: it is set beside the medians it is fitted to.
  const modelled = (p: PublishedPoint) =>
    p.usedInFit
      ? rows.find((r) => r.mode === p.mode && r.services === p.services)?.modelledLatencyMs
      : undefined;
  return (
    <section className="lookup-table-wrap" aria-label={t("chart.published")}>
      <table className="lookup-table lookup-published">
        <caption>{t("chart.published")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.col.services")}</th>
            <th scope="col">{t("chart.col.mode")}</th>
            <th scope="col">{t("chart.col.metric")}</th>
            <th scope="col">{t("chart.col.value")}</th>
            <th scope="col">{t("chart.col.modelled")}</th>
            <th scope="col">{t("chart.source")}</th>
          </tr>
        </thead>
        <tbody>
          {PUBLISHED_POINTS.map((p) => {
            const m = modelled(p);
            return (
              <tr key={`${p.source}/${p.mode}/${p.services}/${p.metric}`} className={`mode-${p.mode}`}>
                <th scope="row">{f(p.services)}</th>
                <th scope="row">{MODE_LABEL[p.mode]}</th>
                <td className="lookup-text">{p.metric}</td>
                <td>
                  {f(p.value)} {p.unit}
                </td>
                <td>{m === undefined ? "—" : f(m)}</td>
                <td className="lookup-text">
                  <a href={p.source} title={p.note}>
                    {new URL(p.source).hostname}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
