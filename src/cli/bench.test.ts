import { describe, expect, it } from "vitest";
import type { LookupRow } from "../engine/bench/contract";
import { BENCH_USAGE, type BenchIO, parseBenchArgs, runBench } from "./bench";

function capture(isTTY = false): BenchIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (s: string) => {
      io.out += s;
    },
    stderr: (s: string) => {
      io.err += s;
    },
    stderrIsTTY: isTTY,
    now: () => 0,
  };
  return io;
}

describe("parseBenchArgs", () => {
  it("has the documented defaults", () => {
    const a = parseBenchArgs(["lookup"]);
    expect(a.options).toEqual({
      services: [1, 10, 100, 1000, 10000],
      endpointsPerService: 10,
      modes: ["iptables", "ipvs", "nftables"],
      samples: 200,
      seed: 1,
    });
    expect(a.output).toBe("table");
  });

  it("reads every flag, with a separate or an = value", () => {
    const a = parseBenchArgs([
      "lookup",
      "--services",
      "5,50",
      "--endpoints=3",
      "--modes",
      "nftables,ipvs,nftables",
      "--samples",
      "9",
      "--seed=4",
      "-o",
      "json",
    ]);
    expect(a.options).toEqual({
      services: [5, 50],
      endpointsPerService: 3,
      modes: ["nftables", "ipvs"],
      samples: 9,
      seed: 4,
    });
    expect(a.output).toBe("json");
  });

  it.each([
    [[], "missing experiment name (lookup)"],
    [["latency"], 'unknown experiment "latency" (want lookup)'],
    [["lookup", "--services", "10,,20"], '--services: empty item in "10,,20"'],
    [["lookup", "--services", "0"], '--services: not a positive integer: "0"'],
    [["lookup", "--endpoints", "-1"], '--endpoints: not a positive integer: "-1"'],
    [["lookup", "--modes", "userspace"], '--modes: unknown mode "userspace" (want iptables, ipvs, nftables)'],
    [["lookup", "-o", "yaml"], '--output: want table or json, not "yaml"'],
    [["lookup", "--samples"], "flag needs an argument: --samples"],
    [["lookup", "--fast"], "unknown flag: --fast"],
  ])("refuses %j: %s", (words, message) => {
    expect(() => parseBenchArgs(words)).toThrow(message);
  });
});

describe("runBench", () => {
  it("prints usage and exits 2 on a bad flag", () => {
    const io = capture();
    expect(runBench(["lookup", "--services", "ten"], io)).toBe(2);
    expect(io.err).toBe(`packetwalk bench: --services: not a positive integer: "ten"\n${BENCH_USAGE}`);
    expect(io.out).toBe("");
  });

  it("prints help on -h", () => {
    const io = capture();
    expect(runBench(["lookup", "-h"], io)).toBe(0);
    expect(io.out).toBe(BENCH_USAGE);
  });

  it("prints one JSON array of LookupRow, and no progress when stderr is not a terminal", () => {
    const io = capture(false);
    expect(
      runBench(["lookup", "--services", "2,4", "--endpoints", "1", "--modes", "ipvs", "-o", "json"], io),
    ).toBe(0);
    expect(io.err).toBe("");
    const rows = JSON.parse(io.out) as LookupRow[];
    expect(rows.map((r) => [r.mode, r.services, r.endpointsPerService])).toEqual([
      ["ipvs", 2, 1],
      ["ipvs", 4, 1],
    ]);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        "mode",
        "services",
        "endpointsPerService",
        "dataPlaneSize",
        "meanRulesEvaluated",
        "worstRulesEvaluated",
        "meanLookups",
        "establishedRulesEvaluated",
        "establishedLookups",
        "syncRulesWritten",
        "nsPerPacket",
        "nsPerRule",
        "modelledLatencyMs",
      ].sort(),
    );
  });

  it("prints a table, with progress on a terminal's stderr", () => {
    const io = capture(true);
    expect(runBench(["lookup", "--services", "3", "--endpoints", "1", "--modes", "ipvs"], io)).toBe(0);
    expect(io.out.split("\n")[0]).toMatch(/^MODE +SERVICES +ENDPOINTS +DATAPLANE/);
    expect(io.out.split("\n")[1]).toMatch(/^ipvs +3 +1 +3 /);
    expect(io.err).toContain("[1/1] ipvs 3 Services");
  });
});
