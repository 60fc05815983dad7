import { lazy, Suspense, useState } from "react";
import { useChartT } from "./chartText";

// The chart module brings d3's scales, axes and shapes: fetched on first open, not with the page.
const LookupChart = lazy(() => import("./LookupChart").then((m) => ({ default: m.LookupChart })));

/** The lookup-cost section: a button until the user asks for the chart, then the chart. */
export function ChartPanel() {
  const t = useChartT();
  const [open, setOpen] = useState(false);
  return (
    <section className="chart-panel" aria-label={t("chart.region")}>
      <h2 className="chart-heading">{t("chart.region")}</h2>
      {open ? (
        <Suspense fallback={<p className="muted">{t("chart.loading")}</p>}>
          <LookupChart />
        </Suspense>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t("chart.open")}
        </button>
      )}
    </section>
  );
}
