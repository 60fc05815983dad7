import { describe, expect, it } from "vitest";
import type { LookupProgress, LookupRow } from "./contract";
import { lookupExperiment, runLookupExperiment } from "./experiment";
import { measureRow } from "./measure";

const SIZES = [50, 100, 200];
/** 2 endpoints a Service keeps every size under kube-proxy's 1000-endpoint "large cluster" switch. */
const rows = runLookupExperiment(
  { services: SIZES, endpointsPerService: 2, modes: ["iptables", "ipvs", "nftables"], samples: 100, seed: 7 },
  () => 0,
);
const of = (mode: string): LookupRow[] => rows.filter((r) => r.mode === mode);

describe("lookupExperiment", () => {
  it("yields progress after each (mode, size) row and returns one row per pair, sizes outermost", () => {
    const it = lookupExperiment(
      { services: [1, 3], endpointsPerService: 1, modes: ["nftables", "ipvs"] },
      () => 0,
    );
    const steps: LookupProgress[] = [];
    let step = it.next();
    while (!step.done) {
      steps.push(step.value);
      step = it.next();
    }
    expect(steps.map((s) => [s.done, s.total, s.row?.mode, s.row?.services])).toEqual([
      [0, 4, undefined, undefined],
      [1, 4, "nftables", 1],
      [2, 4, "ipvs", 1],
      [3, 4, "nftables", 3],
      [4, 4, "ipvs", 3],
    ]);
    expect(step.value.map((r) => `${r.mode}/${r.services}`)).toEqual([
      "nftables/1",
      "ipvs/1",
      "nftables/3",
      "ipvs/3",
    ]);
  });

  it("iptables: first-packet rules grow linearly with Services (KUBE-SERVICES is a linear walk)", () => {
    const [a, b, c] = of("iptables");
    // The last Service's packet walks past every other Service's rule: one more rule per Service.
    expect(b!.worstRulesEvaluated - a!.worstRulesEvaluated).toBe(50);
    expect(c!.worstRulesEvaluated - b!.worstRulesEvaluated).toBe(100);
    expect(a!.meanRulesEvaluated).toBeLessThan(b!.meanRulesEvaluated);
    expect(b!.meanRulesEvaluated).toBeLessThan(c!.meanRulesEvaluated);
    // A uniform sample lands half-way down the chain on average.
    const fixed = c!.worstRulesEvaluated - 200;
    for (const r of [a!, b!, c!]) {
      expect(r.meanRulesEvaluated).toBeGreaterThan(fixed + r.services * 0.35);
      expect(r.meanRulesEvaluated).toBeLessThan(fixed + r.services * 0.65);
    }
    expect(c!.meanLookups).toBe(0);
  });

  it("IPVS and nftables: the work per first packet is the same at every size (hash lookups)", () => {
    for (const mode of ["ipvs", "nftables"]) {
      const rs = of(mode);
      expect(new Set(rs.map((r) => r.meanRulesEvaluated)).size, mode).toBe(1);
      expect(new Set(rs.map((r) => r.meanLookups)).size, mode).toBe(1);
      expect(rs[0]!.meanLookups, mode).toBeGreaterThan(0);
      expect(rs[0]!.worstRulesEvaluated, mode).toBe(rs[0]!.meanRulesEvaluated);
    }
  });

  it("established packets skip the nat chains: their cost does not grow and is below a first packet's", () => {
    for (const mode of ["iptables", "ipvs", "nftables"]) {
      const rs = of(mode);
      expect(new Set(rs.map((r) => r.establishedRulesEvaluated)).size, mode).toBe(1);
      for (const r of rs) expect(r.establishedRulesEvaluated, mode).toBeLessThan(r.meanRulesEvaluated);
    }
    expect(of("iptables")[0]!.establishedLookups).toBe(0);
    // IPVS finds the connection in its own table.
    expect(of("ipvs")[0]!.establishedLookups).toBeGreaterThan(0);
  });

  it("sync writes: iptables rewrites KUBE-SERVICES (grows with the cluster), nftables and IPVS only the change", () => {
    const ipt = of("iptables").map((r) => r.syncRulesWritten);
    expect(ipt[1]! - ipt[0]!).toBe(50);
    expect(ipt[2]! - ipt[1]!).toBe(100);
    for (const mode of ["ipvs", "nftables"]) {
      const w = of(mode).map((r) => r.syncRulesWritten);
      expect(new Set(w).size, mode).toBe(1);
      expect(w[0]!, mode).toBeLessThan(20);
    }
  });

  it("reports each data plane's size: nat rules, virtual servers, map elements", () => {
    expect(of("ipvs").map((r) => r.dataPlaneSize)).toEqual(SIZES);
    expect(of("nftables").map((r) => r.dataPlaneSize)).toEqual(SIZES.map((n) => 2 * n + 1));
    const ipt = of("iptables").map((r) => r.dataPlaneSize);
    // Per Service: KUBE-SERVICES, KUBE-SVC (mark + 2 endpoints) and 2 KUBE-SEP chains of 2.
    expect(ipt[1]! - ipt[0]!).toBe(50 * 8);
  });

  it("the modes of one size read one synthetic cluster: each row is the row measured alone", () => {
    for (const mode of ["iptables", "ipvs", "nftables"] as const) {
      const alone = measureRow(
        { mode, services: 50, endpointsPerService: 2, samples: 100, seed: 7 },
        () => 0,
      );
      expect(alone, mode).toEqual(of(mode)[0]);
    }
  });

  it("is deterministic for a seed and measures time with the caller's clock", () => {
    let t = 0;
    const again = runLookupExperiment(
      { services: [50], endpointsPerService: 2, modes: ["iptables"], samples: 100, seed: 7 },
      () => (t += 1),
    );
    expect(again[0]!.meanRulesEvaluated).toBe(rows[0]!.meanRulesEvaluated);
    // One tick around the whole sample of 100 packets: 1 ms / 100 = 10,000 ns.
    expect(again[0]!.nsPerPacket).toBe(10_000);
    expect(rows[0]!.nsPerPacket).toBe(0);
  });
});
