import { type ChartT, MODE_LABEL } from "./chartText";
import { CHART_MODES } from "./layout";

/** What the lines mean: a colour and a point shape per mode, solid mean, dashed worst case, the marker. */
export function ChartLegend({ t, marker }: { t: ChartT; marker: number | null }) {
  return (
    <ul className="lookup-legend">
      {CHART_MODES.map((mode) => (
        <li key={mode} className={`mode-${mode}`}>
          <span className="lookup-swatch" aria-hidden="true" />
          {MODE_LABEL[mode]}
        </li>
      ))}
      <li>
        <span className="lookup-swatch lookup-swatch-mean" aria-hidden="true" />
        {t("chart.mean")}
      </li>
      <li>
        <span className="lookup-swatch lookup-swatch-worst" aria-hidden="true" />
        {t("chart.worst")}
      </li>
      {marker !== null ? (
        <li>
          <span className="lookup-swatch lookup-swatch-marker" aria-hidden="true" />
          {t("chart.marker", { count: marker })}
        </li>
      ) : null}
    </ul>
  );
}
