/**
 * The lookup-cost chart, loaded on first use (it pulls in d3's scales, axes
 * and shapes): the experiment's controls and progress, the two d3 panels,
 * the table of exact values, and what the numbers do and do not measure.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useAppStore } from "../../store";
import { ChartLegend } from "./ChartLegend";
import { type ChartT, formatNumber, MODE_LABEL, useChartT } from "./chartText";
import { LookupTable } from "./LookupTable";
import { CHART_MODES } from "./layout";
import { createLookupChart, type LookupChartHandle, type LookupChartText } from "./lookupChart";
import { PublishedTable } from "./PublishedTable";
import { useCurrentEndpoints, useCurrentServices } from "./useClusterFacts";
import { type ExperimentStatus, useLookupExperiment } from "./useLookupExperiment";
import "./chart.css";

/** Cluster sizes measured, in Services: two points a decade from 1 to 10,000. */
export const EXPERIMENT_SIZES = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];
const MAX_ENDPOINTS = 20;

/** `autoRun`: the user asked for the experiment itself (the Run button of the empty state), not just the chart. */
export function LookupChart({ autoRun = false }: { autoRun?: boolean }) {
  const t = useChartT();
  const language = useAppStore((s) => s.language);
  const marker = useCurrentServices();
  const clusterEndpoints = useCurrentEndpoints();
  const [endpoints, setEndpoints] = useState(() => Math.min(MAX_ENDPOINTS, clusterEndpoints));
  const { rows, status, run, cancel } = useLookupExperiment();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<LookupChartHandle | null>(null);
  const text = useRef<LookupChartText>(chartText(t, language));
  text.current = chartText(t, language);
  const sliderId = useId();
  const isRunning = status.kind === "running";
  const start = () =>
    run({
      services: EXPERIMENT_SIZES,
      endpointsPerService: endpoints,
      modes: [...CHART_MODES],
      seed: 1,
    });
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, with the settings the chart opened with
  useEffect(() => {
    if (autoRun && !started.current) {
      started.current = true;
      start();
    }
  }, [autoRun]);

  useEffect(() => {
    const handle = createLookupChart(host.current!, { text: () => text.current });
    chart.current = handle;
    return () => {
      handle.destroy();
      chart.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a language change redraws the labels
  useEffect(() => {
    chart.current?.update(rows, marker, isRunning ? Math.max(...EXPERIMENT_SIZES) : undefined);
  }, [rows, marker, language, isRunning]);

  return (
    <div className="lookup">
      <div className="lookup-controls">
        <label htmlFor={sliderId}>{t("chart.endpoints")}</label>
        <input
          id={sliderId}
          type="range"
          min={1}
          max={MAX_ENDPOINTS}
          value={endpoints}
          disabled={isRunning}
          onChange={(e) => setEndpoints(Number(e.target.value))}
        />
        <output htmlFor={sliderId}>{endpoints}</output>
        <button type="button" className="button button-primary" disabled={isRunning} onClick={start}>
          {t("chart.run")}
        </button>
        {isRunning ? (
          <button type="button" className="button" onClick={cancel}>
            {t("chart.cancel")}
          </button>
        ) : null}
      </div>
      <Status status={status} t={t} />
      <ChartLegend t={t} marker={marker} />
      <div ref={host} />
      <LookupTable rows={rows} t={t} reserve={isRunning} />
      <PublishedTable rows={rows} t={t} />
      <p className="lookup-honesty">{t("chart.honesty")}</p>
    </div>
  );
}

function Status({ status, t }: { status: ExperimentStatus; t: ChartT }) {
  if (status.kind === "running") {
    const label = t("chart.progress", { done: status.done, total: status.total });
    return (
      <div className="lookup-status">
        <div
          className="lookup-progress"
          role="progressbar"
          aria-label={t("chart.run")}
          aria-valuemin={0}
          aria-valuemax={status.total}
          aria-valuenow={status.done}
          aria-valuetext={label}
        >
          <div style={{ width: `${(100 * status.done) / Math.max(1, status.total)}%` }} />
        </div>
        <span>{label}</span>
      </div>
    );
  }
  if (status.kind === "cancelled")
    return (
      <p className="lookup-status">{t("chart.cancelled", { done: status.done, count: status.total })}</p>
    );
  if (status.kind === "failed")
    return <p className="lookup-status lookup-failed">{t("chart.failed", { reason: status.reason })}</p>;
  return null;
}

function chartText(t: ChartT, language: "en" | "ko"): LookupChartText {
  return {
    title: (kind) => t(kind === "rules" ? "chart.rulesTitle" : "chart.syncTitle"),
    servicesAxis: t("chart.services"),
    mean: t("chart.mean"),
    worst: t("chart.worst"),
    mode: (mode) => MODE_LABEL[mode],
    marker: (services) => t("chart.marker", { count: services }),
    tooltipServices: (services) => t("chart.tooltipServices", { count: services }),
    explore: (title) => t("chart.explore", { title }),
    format: (v) => formatNumber(language, v),
  };
}
