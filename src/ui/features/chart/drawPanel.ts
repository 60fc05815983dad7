/**
 * One panel of the lookup-cost chart, drawn with d3 into an SVG that React
 * never touches: log axes, a line per mode and stat, the current cluster's
 * marker, and a tooltip that the pointer or the arrow keys move between the
 * measured sizes.
 */
import {
  axisBottom,
  axisLeft,
  line,
  type Selection,
  select,
  symbol,
  symbolCircle,
  symbolSquare,
  symbolTriangle,
} from "d3";
import type { ProxyMode } from "../../../engine/api/configTypes";
import type { LookupRow } from "../../../engine/bench/contract";
import {
  buildSeries,
  markerOn,
  measuredSizes,
  nearestSize,
  type PlotBox,
  panelScales,
  type Stat,
  servicesDomain,
} from "./layout";
import type { LookupChartText } from "./lookupChart";

export type PanelKind = "rules" | "sync";

export interface Panel {
  render(rows: readonly LookupRow[], marker: number | null, text: LookupChartText, plannedMax: number): void;
  destroy(): void;
}

const STATS_OF: Record<PanelKind, Stat[]> = { rules: ["mean", "worst"], sync: ["sync"] };
const SYMBOL_OF: Record<ProxyMode, typeof symbolCircle> = {
  iptables: symbolCircle,
  ipvs: symbolSquare,
  nftables: symbolTriangle,
};
const HEIGHT = 280;

export function createPanel(parent: HTMLElement, kind: PanelKind): Panel {
  const root = select(parent).append("div").attr("class", `lookup-panel lookup-panel-${kind}`);
  const title = root.append("h3").attr("class", "lookup-panel-title");
  const plot = root.append("div").attr("class", "lookup-plot").attr("tabindex", 0).attr("role", "group");
  const svg = plot.append("svg").attr("aria-hidden", "true").attr("height", HEIGHT);
  const tip = plot
    .append("div")
    .attr("class", "lookup-tip")
    .attr("role", "status")
    .attr("aria-live", "polite");
  let state: {
    rows: readonly LookupRow[];
    marker: number | null;
    text: LookupChartText;
    plannedMax: number;
  } | null = null;
  let active = -1;
  let plotWidth = 0;

  function draw() {
    if (!state) return;
    const { rows, marker, text, plannedMax } = state;
    // Read layout once; after that the ResizeObserver reports the width (no forced layout per update).
    plotWidth ||= plot.node()!.clientWidth;
    const width = Math.max(280, plotWidth);
    const box: PlotBox = { width, height: HEIGHT, margin: { top: 16, right: 16, bottom: 40, left: 56 } };
    const series = buildSeries(rows, STATS_OF[kind]);
    const scales = panelScales(series, servicesDomain(rows, Math.max(marker ?? 0, plannedMax)), box);
    const { x, y } = scales;
    svg.attr("width", width).attr("viewBox", `0 0 ${width} ${HEIGHT}`);
    svg.selectAll("*").remove();

    const decades = (d: number[]) =>
      x.ticks().filter((v) => Number.isInteger(Math.log10(v)) && v >= d[0]! && v <= d[1]!);
    svg
      .append("g")
      .attr("class", "lookup-axis")
      .attr("transform", `translate(0,${HEIGHT - box.margin.bottom})`)
      .call(
        axisBottom(x)
          .tickValues(decades(x.domain()))
          .tickFormat((v) => text.format(Number(v))),
      );
    const yTicks = y.ticks().filter((v) => Number.isInteger(Math.log10(v)));
    svg
      .append("g")
      .attr("class", "lookup-axis")
      .attr("transform", `translate(${box.margin.left},0)`)
      .call(
        axisLeft(y)
          .tickValues(yTicks)
          .tickFormat((v) => text.format(Number(v))),
      );
    svg
      .append("g")
      .attr("class", "lookup-grid")
      .selectAll("line")
      .data(yTicks)
      .join("line")
      .attr("x1", box.margin.left)
      .attr("x2", width - box.margin.right)
      .attr("y1", (v) => y(v))
      .attr("y2", (v) => y(v));
    svg
      .append("text")
      .attr("class", "lookup-axis-label")
      .attr("x", (box.margin.left + width - box.margin.right) / 2)
      .attr("y", HEIGHT - 6)
      .attr("text-anchor", "middle")
      .text(text.servicesAxis);

    const path = line<{ services: number; value: number }>()
      .x((p) => x(p.services))
      .y((p) => y(Math.max(p.value, y.domain()[0]!)));
    const lines = svg.append("g").attr("class", "lookup-lines");
    for (const s of series) {
      lines
        .append("path")
        .attr("class", `lookup-line mode-${s.mode} stat-${s.stat}`)
        .attr("d", path(s.points));
      lines
        .append("g")
        .attr("class", `lookup-points mode-${s.mode} stat-${s.stat}`)
        .selectAll("path")
        .data(s.points)
        .join("path")
        .attr("d", symbol(SYMBOL_OF[s.mode], s.stat === "worst" ? 30 : 44))
        .attr("transform", (p) => `translate(${x(p.services)},${y(Math.max(p.value, y.domain()[0]!))})`);
    }

    if (marker !== null && marker >= 1) {
      const g = svg.append("g").attr("class", "lookup-marker");
      const mx = x(marker);
      g.append("line")
        .attr("x1", mx)
        .attr("x2", mx)
        .attr("y1", box.margin.top)
        .attr("y2", HEIGHT - box.margin.bottom);
      g.append("text")
        .attr("x", mx + 4)
        .attr("y", box.margin.top + 10)
        .text(text.marker(marker));
      for (const s of series.filter((s) => s.stat !== "worst")) {
        const m = markerOn(s.points, marker, scales);
        if (m)
          g.append("circle").attr("class", `mode-${s.mode}`).attr("cx", m.x).attr("cy", m.y).attr("r", 6);
      }
    }

    const sizes = measuredSizes(rows);
    const guide = svg
      .append("line")
      .attr("class", "lookup-guide")
      .attr("y1", box.margin.top)
      .attr("y2", HEIGHT - box.margin.bottom);
    const show = (i: number) => {
      active = i;
      const n = sizes[i];
      if (n === undefined) {
        hideTip();
        return;
      }
      guide.attr("x1", x(n)).attr("x2", x(n)).style("display", null);
      tip.style("display", null).style("left", `${Math.min(x(n) + 8, width - 220)}px`);
      renderTip(tip, kind, rows, n, text);
    };
    const hideTip = () => {
      guide.style("display", "none");
      tip.style("display", "none").text("");
    };
    svg
      .append("rect")
      .attr("class", "lookup-overlay")
      .attr("x", box.margin.left)
      .attr("y", box.margin.top)
      .attr("width", Math.max(0, width - box.margin.left - box.margin.right))
      .attr("height", HEIGHT - box.margin.top - box.margin.bottom)
      .on("pointermove", (e: PointerEvent) => show(nearestSize(sizes, e.offsetX, x)))
      .on("pointerleave", () => (document.activeElement === plot.node() ? show(active) : hideTip()));
    plot
      .attr("aria-label", text.explore(text.title(kind)))
      .on("focus", () => show(active < 0 ? sizes.length - 1 : active))
      .on("blur", hideTip)
      .on("keydown", (e: KeyboardEvent) => {
        const next = stepKey(e.key, active, sizes.length);
        if (next === null) return;
        e.preventDefault();
        show(next);
      });
    title.text(text.title(kind));
    if (active >= 0 && document.activeElement === plot.node()) show(Math.min(active, sizes.length - 1));
    else hideTip();
  }

  const resize = new ResizeObserver((entries) => {
    const w = Math.round(entries[0]?.contentRect.width ?? 0);
    if (w === plotWidth) return;
    plotWidth = w;
    draw();
  });
  resize.observe(plot.node()!);

  return {
    render(rows, marker, text, plannedMax) {
      state = { rows, marker, text, plannedMax };
      draw();
    },
    destroy() {
      resize.disconnect();
      root.remove();
    },
  };
}

function stepKey(key: string, active: number, count: number): number | null {
  if (!count) return null;
  if (key === "ArrowLeft" || key === "ArrowDown") return Math.max(0, active - 1);
  if (key === "ArrowRight" || key === "ArrowUp") return Math.min(count - 1, active + 1);
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

function renderTip(
  tip: Selection<HTMLDivElement, unknown, null, undefined>,
  kind: PanelKind,
  rows: readonly LookupRow[],
  services: number,
  text: LookupChartText,
) {
  tip.selectAll("*").remove();
  tip.append("strong").text(text.tooltipServices(services));
  const list = tip.append("ul");
  for (const r of rows.filter((r) => r.services === services)) {
    const values =
      kind === "rules"
        ? `${text.mean} ${text.format(r.meanRulesEvaluated)}, ${text.worst} ${text.format(r.worstRulesEvaluated)}`
        : text.format(r.syncRulesWritten);
    list
      .append("li")
      .attr("class", `mode-${r.mode}`)
      .text(`${text.mode(r.mode)}: ${values}`);
  }
}
