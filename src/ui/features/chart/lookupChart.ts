/**
 * The lookup-cost chart as a d3 controller inside a React-owned container:
 * two panels side by side (rules a first packet evaluates; rules written for
 * one Service change), redrawn whole on each update (a few dozen points).
 */
import type { ProxyMode } from "../../../engine/api/configTypes";
import type { LookupRow } from "../../../engine/bench/contract";
import { createPanel, type PanelKind } from "./drawPanel";

/** The chart's own strings and number format, in the current language. */
export interface LookupChartText {
  title: (kind: PanelKind) => string;
  servicesAxis: string;
  mean: string;
  worst: string;
  mode: (mode: ProxyMode) => string;
  marker: (services: number) => string;
  tooltipServices: (services: number) => string;
  /** The accessible name of a panel's keyboard-explorable plot. */
  explore: (title: string) => string;
  format: (v: number) => string;
}

export interface LookupChartCallbacks {
  text: () => LookupChartText;
}

export interface LookupChartHandle {
  /**
   * Draws `rows` (any subset, as they arrive); `marker` is the current
   * cluster's Service count, or null; `plannedMax`, the largest size the
   * running experiment will reach, keeps the x axis still while rows arrive.
   */
  update(rows: readonly LookupRow[], marker: number | null, plannedMax?: number): void;
  destroy(): void;
}

export function createLookupChart(host: HTMLElement, callbacks: LookupChartCallbacks): LookupChartHandle {
  host.classList.add("lookup-chart");
  const panels = (["rules", "sync"] as const).map((kind) => createPanel(host, kind));
  // One panel per task: both redrawn in one task can pass 50 ms on a busy machine while rows stream in.
  let queued: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    timer = undefined;
    queued.shift()?.();
    if (queued.length) timer = setTimeout(step, 0);
  };
  return {
    update(rows, marker, plannedMax) {
      const text = callbacks.text();
      queued = panels.map((p) => () => p.render(rows, marker, text, plannedMax ?? 0));
      if (timer === undefined) step();
    },
    destroy() {
      clearTimeout(timer);
      queued = [];
      for (const p of panels) p.destroy();
      host.classList.remove("lookup-chart");
    },
  };
}
