/**
 * The lookup-cost chart's scales and series as plain numbers: which points
 * each line joins, where the axes run, and where the current cluster sits on
 * a curve. Pure (d3-scale only, no DOM), so it is tested in Node.
 */
import { type ScaleLogarithmic, scaleLog } from "d3";
import type { ProxyMode } from "../../../engine/api/configTypes";
import type { LookupRow } from "../../../engine/bench/contract";

/** The modes the chart compares, in drawing order. */
export const CHART_MODES = ["iptables", "ipvs", "nftables"] as const satisfies readonly ProxyMode[];

export const STATS = ["mean", "worst", "sync"] as const;
/** mean/worst: rules evaluated by a first packet; sync: rules written for one Service change. */
export type Stat = (typeof STATS)[number];

export interface SeriesPoint {
  services: number;
  value: number;
}

export interface Series {
  mode: ProxyMode;
  stat: Stat;
  /** Sorted by Service count, one point per measured size. */
  points: SeriesPoint[];
}

export interface PlotBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PanelScales {
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
}

export interface MarkerPoint {
  x: number;
  y: number;
  /** The value read off the drawn line at the marker (interpolated between measured sizes). */
  value: number;
}

const STAT_VALUE: Record<Stat, (r: LookupRow) => number> = {
  mean: (r) => r.meanRulesEvaluated,
  worst: (r) => r.worstRulesEvaluated,
  sync: (r) => r.syncRulesWritten,
};

/** One series per mode and stat, points sorted by Service count (modes without rows are left out). */
export function buildSeries(rows: readonly LookupRow[], stats: readonly Stat[]): Series[] {
  const out: Series[] = [];
  for (const mode of CHART_MODES) {
    const mine = rows.filter((r) => r.mode === mode).sort((a, b) => a.services - b.services);
    if (!mine.length) continue;
    for (const stat of stats)
      out.push({
        mode,
        stat,
        points: mine.map((r) => ({ services: r.services, value: STAT_VALUE[stat](r) })),
      });
  }
  return out;
}

/** The log x domain: always from 1 Service to the largest measured size (or `cover`, if larger: the marker, the planned maximum). */
export function servicesDomain(rows: readonly LookupRow[], cover: number | null): [number, number] {
  const max = Math.max(10, cover ?? 0, ...rows.map((r) => r.services));
  return [1, max];
}

/** The log y domain: from the smallest positive value (at most 1) to the largest, widened to powers of ten. */
export function valueDomain(series: readonly Series[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => v > 0);
  const lo = Math.min(1, ...values);
  const hi = Math.max(10, ...values);
  return [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
}

/** Scales for one panel inside `box`; values ≤ 0 clamp to the bottom edge (the table has the exact numbers). */
export function panelScales(series: readonly Series[], xDomain: [number, number], box: PlotBox): PanelScales {
  const { width, height, margin } = box;
  return {
    x: scaleLog()
      .domain(xDomain)
      .range([margin.left, width - margin.right]),
    y: scaleLog()
      .domain(valueDomain(series))
      .range([height - margin.bottom, margin.top])
      .clamp(true),
  };
}

/**
 * Where `services` falls on a series as drawn: linear interpolation in screen
 * space between the two measured sizes around it, so the marker sits exactly
 * on the straight segment. Null outside the measured range.
 */
export function markerOn(
  points: readonly SeriesPoint[],
  services: number,
  scales: PanelScales,
): MarkerPoint | null {
  const i = points.findIndex((p) => p.services >= services);
  if (i < 0 || !points.length) return null;
  const b = points[i]!;
  if (b.services === services) return { x: scales.x(services), y: scales.y(b.value), value: b.value };
  if (i === 0) return null;
  const a = points[i - 1]!;
  const xa = scales.x(a.services);
  const xb = scales.x(b.services);
  const xs = scales.x(services);
  const t = (xs - xa) / (xb - xa);
  const ya = scales.y(a.value);
  const y = ya + t * (scales.y(b.value) - ya);
  return { x: xs, y, value: scales.y.invert(y) };
}

/** The measured size nearest to screen position `px` (for the tooltip), or -1 with none. */
export function nearestSize(sizes: readonly number[], px: number, x: (n: number) => number): number {
  let best = -1;
  let bestDist = Number.POSITIVE_INFINITY;
  sizes.forEach((s, i) => {
    const d = Math.abs(x(s) - px);
    if (d < bestDist) {
      best = i;
      bestDist = d;
    }
  });
  return best;
}

/** The distinct measured sizes, ascending. */
export function measuredSizes(rows: readonly LookupRow[]): number[] {
  return [...new Set(rows.map((r) => r.services))].sort((a, b) => a - b);
}
