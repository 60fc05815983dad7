import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bigDump } from "../../../bench/dump";
import { Simulation } from "../../simulation";
import { type ImportProgress, importFraction, progressReporter } from "./progress";

const KIND_YAML = readFileSync(new URL("../../../../testdata/import/kind.yaml", import.meta.url), "utf8");
const KIND_IPVS_JSON = readFileSync(
  new URL("../../../../testdata/import/kind-ipvs.json", import.meta.url),
  "utf8",
);

async function withProgress(name: string, text: string) {
  const steps: ImportProgress[] = [];
  const report = await new Simulation().importCluster({ name, text }, (p) => steps.push({ ...p }));
  return { report, steps };
}

/** Stages in order, each stage's count never going back, a stage's total fixed, ending whole. */
function expectOrderly(steps: ImportProgress[], chars: number, objects: number): void {
  const order = ["read", "store", "settle"];
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = [steps[i - 1]!, steps[i]!];
    expect(order.indexOf(b.stage)).toBeGreaterThanOrEqual(order.indexOf(a.stage));
    if (a.stage === b.stage) {
      expect(b.done).toBeGreaterThanOrEqual(a.done);
      expect(b.total).toBe(a.total);
    }
    expect(importFraction(b)).toBeGreaterThanOrEqual(importFraction(a));
  }
  expect(steps[0]).toEqual({ stage: "read", done: 0, total: chars });
  expect(steps).toContainEqual({ stage: "read", done: chars, total: chars });
  expect(steps).toContainEqual({ stage: "store", done: objects, total: objects });
  expect(steps.at(-1)).toEqual({ stage: "settle", done: 1, total: 1 });
}

describe("an import's progress", () => {
  it("goes through reading, storing and settling in order, for YAML and JSON", async () => {
    for (const [name, text] of [
      ["kind.yaml", KIND_YAML],
      ["kind-ipvs.json", KIND_IPVS_JSON],
    ] as const) {
      const { report, steps } = await withProgress(name, text);
      const objects = report.counts.reduce((n, c) => n + c.count, 0) + report.errors.length;
      // Every object the dump holds that the API server serves is counted as stored or refused.
      expect(objects).toBeGreaterThan(0);
      expectOrderly(steps, text.length, steps.find((s) => s.stage === "store")!.total);
    }
  });

  it("reports a big YAML dump's reading as it goes, at most once per percent, and imports the same", async () => {
    const text = bigDump({ pods: 400, services: 100 }, "yaml");
    const { report, steps } = await withProgress("dump.yaml", text);
    const reads = steps.filter((s) => s.stage === "read");
    expect(reads.length).toBeGreaterThan(20);
    expect(reads.length).toBeLessThanOrEqual(102);
    const stores = steps.filter((s) => s.stage === "store");
    expect(stores.length).toBeLessThanOrEqual(102);
    expectOrderly(steps, text.length, stores[0]!.total);
    expect(report).toEqual(await new Simulation().importCluster({ name: "dump.yaml", text }));
  });

  it("says nothing more than reading for a dump that cannot be read", async () => {
    const { report, steps } = await withProgress("broken.yaml", "items:\n- a: [\n");
    expect(report.imported).toBe(false);
    expect(new Set(steps.map((s) => s.stage))).toEqual(new Set(["read"]));
  });
});

describe("progressReporter", () => {
  it("passes a stage's first and last step and steps a percent apart", () => {
    const seen: ImportProgress[] = [];
    const report = progressReporter((p) => seen.push(p));
    for (let i = 0; i <= 1000; i++) report("store", i, 1000);
    expect(seen[0]).toEqual({ stage: "store", done: 0, total: 1000 });
    expect(seen.at(-1)).toEqual({ stage: "store", done: 1000, total: 1000 });
    expect(seen.length).toBe(101);
    report("settle", 0, 1);
    expect(seen.at(-1)).toEqual({ stage: "settle", done: 0, total: 1 });
  });

  it("does nothing without a listener", () => {
    expect(() => progressReporter(undefined)("read", 1, 2)).not.toThrow();
  });
});

describe("importFraction", () => {
  it("counts each stage as a third", () => {
    expect(importFraction({ stage: "read", done: 0, total: 10 })).toBe(0);
    expect(importFraction({ stage: "read", done: 5, total: 10 })).toBeCloseTo(1 / 6);
    expect(importFraction({ stage: "store", done: 0, total: 0 })).toBeCloseTo(2 / 3);
    expect(importFraction({ stage: "settle", done: 1, total: 1 })).toBe(1);
  });
});
