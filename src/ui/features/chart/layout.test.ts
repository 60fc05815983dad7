import { describe, expect, it } from "vitest";
import type { ProxyMode } from "../../../engine/api/configTypes";
import type { LookupRow } from "../../../engine/bench/contract";
import {
  buildSeries,
  markerOn,
  measuredSizes,
  nearestSize,
  type PlotBox,
  panelScales,
  servicesDomain,
  valueDomain,
} from "./layout";

function row(mode: ProxyMode, services: number, mean: number, worst: number, sync = 7): LookupRow {
  return {
    mode,
    services,
    endpointsPerService: 3,
    dataPlaneSize: services * 5,
    meanRulesEvaluated: mean,
    worstRulesEvaluated: worst,
    meanLookups: 1,
    establishedRulesEvaluated: 0,
    establishedLookups: 1,
    syncRulesWritten: sync,
    nsPerPacket: 100,
    nsPerRule: mean ? 100 / mean : 0,
    modelledLatencyMs: 0.01,
  };
}

const SIZES = [1, 10, 100, 1000, 10000];
const rows: LookupRow[] = [
  // Deliberately out of order: the series sort by Service count.
  ...SIZES.map((n) => row("nftables", n, 4, 5)).reverse(),
  ...SIZES.map((n) => row("iptables", n, n / 2 + 3, n + 3, 4 + 3 * 3)),
  ...SIZES.map((n) => row("ipvs", n, 2, 3)),
];
const box: PlotBox = { width: 500, height: 300, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

describe("servicesDomain", () => {
  it("runs from 1 Service to the largest measured size", () => {
    expect(servicesDomain(rows, 12)).toEqual([1, 10000]);
  });
  it("widens to a marker beyond the measured sizes", () => {
    expect(servicesDomain(rows, 25000)).toEqual([1, 25000]);
  });
  it("covers at least a decade with nothing measured", () => {
    expect(servicesDomain([], null)).toEqual([1, 10]);
  });
});

describe("buildSeries", () => {
  it("gives each mode a mean and a worst series in mode order, sorted by size", () => {
    const series = buildSeries(rows, ["mean", "worst"]);
    expect(series.map((s) => `${s.mode}/${s.stat}`)).toEqual([
      "iptables/mean",
      "iptables/worst",
      "ipvs/mean",
      "ipvs/worst",
      "nftables/mean",
      "nftables/worst",
    ]);
    const nft = series.find((s) => s.mode === "nftables" && s.stat === "worst")!;
    expect(nft.points.map((p) => p.services)).toEqual(SIZES);
    const ipt = series.find((s) => s.mode === "iptables" && s.stat === "mean")!;
    expect(ipt.points.at(-1)).toEqual({ services: 10000, value: 5003 });
  });
  it("reads syncRulesWritten for the sync panel and skips modes not measured", () => {
    const series = buildSeries(
      rows.filter((r) => r.mode !== "ipvs"),
      ["sync"],
    );
    expect(series.map((s) => s.mode)).toEqual(["iptables", "nftables"]);
    expect(series[0]!.points[0]!.value).toBe(13);
  });
});

describe("valueDomain", () => {
  it("spans powers of ten around the values, starting at 1 or below", () => {
    expect(valueDomain(buildSeries(rows, ["mean", "worst"]))).toEqual([1, 100000]);
    expect(valueDomain([{ mode: "ipvs", stat: "mean", points: [{ services: 1, value: 0.2 }] }])).toEqual([
      0.1, 10,
    ]);
  });
});

describe("markerOn", () => {
  const series = buildSeries(rows, ["mean", "worst"]);
  const scales = panelScales(series, servicesDomain(rows, null), box);
  const iptWorst = series.find((s) => s.mode === "iptables" && s.stat === "worst")!.points;

  it("sits on a measured point when the cluster has a measured size", () => {
    const m = markerOn(iptWorst, 100, scales)!;
    expect(m.value).toBe(103);
    expect(m.x).toBeCloseTo(scales.x(100));
    expect(m.y).toBeCloseTo(scales.y(103));
  });

  it("interpolates on the drawn segment between the sizes around it", () => {
    const m = markerOn(iptWorst, 300, scales)!;
    const [ax, ay] = [scales.x(100), scales.y(103)];
    const [bx, by] = [scales.x(1000), scales.y(1003)];
    // Collinear with the two measured points, and between them.
    expect((m.y - ay) * (bx - ax)).toBeCloseTo((by - ay) * (m.x - ax), 6);
    expect(m.x).toBeGreaterThan(ax);
    expect(m.x).toBeLessThan(bx);
    expect(m.value).toBeGreaterThan(103);
    expect(m.value).toBeLessThan(1003);
  });

  it("reads a geometric mean halfway along a log-log segment", () => {
    const pts = [
      { services: 10, value: 10 },
      { services: 1000, value: 1000 },
    ];
    expect(markerOn(pts, 100, scales)!.value).toBeCloseTo(100, 6);
  });

  it("has no point outside the measured range", () => {
    expect(markerOn(iptWorst, 20000, scales)).toBeNull();
    expect(markerOn([{ services: 10, value: 3 }], 5, scales)).toBeNull();
    expect(markerOn([], 5, scales)).toBeNull();
  });
});

describe("nearestSize", () => {
  it("finds the measured size closest to a screen position", () => {
    const scales = panelScales([], [1, 10000], box);
    const sizes = measuredSizes(rows);
    expect(sizes).toEqual(SIZES);
    expect(nearestSize(sizes, scales.x(700), scales.x)).toBe(3);
    expect(nearestSize(sizes, 0, scales.x)).toBe(0);
    expect(nearestSize([], 10, scales.x)).toBe(-1);
  });
});
