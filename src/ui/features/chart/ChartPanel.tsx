import { lazy, Suspense, useState } from "react";
import { Icon } from "../../components/Icon";
import { useChartT } from "./chartText";

// The chart module brings d3's scales, axes and shapes: fetched on first open, not with the page.
const LookupChart = lazy(() => import("./LookupChart").then((m) => ({ default: m.LookupChart })));

/**
 * The lookup-cost section: until opened, one line on what it measures, Run (opens the chart and
 * starts the experiment) and a button that only opens it; then the chart.
 */
export function ChartPanel() {
  const t = useChartT();
  const [open, setOpen] = useState<"closed" | "open" | "run">("closed");
  return (
    <section className="chart-panel" aria-label={t("chart.region")}>
      <h2 className="chart-heading">{t("chart.region")}</h2>
      {open !== "closed" ? (
        <Suspense fallback={<p className="muted">{t("chart.loading")}</p>}>
          <LookupChart autoRun={open === "run"} />
        </Suspense>
      ) : (
        <div className="empty-state chart-empty">
          <Icon name="chart" size={28} />
          <p>{t("chart.intro")}</p>
          <div className="empty-actions">
            <button type="button" className="button button-primary" onClick={() => setOpen("run")}>
              {t("chart.run")}
            </button>
            <button type="button" className="button" onClick={() => setOpen("open")}>
              {t("chart.open")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
