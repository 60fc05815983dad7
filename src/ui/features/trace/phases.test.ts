import { describe, expect, it } from "vitest";
import type { Trace, TraceHop } from "../../../engine/net/types";
import {
  ALL_PHASES,
  filterFolding,
  firstShown,
  nearestShown,
  nextShown,
  phasesIn,
  previousShown,
  traceRows,
} from "./phases";

const hop = (direction: TraceHop["direction"], kind: TraceHop["kind"] = "route"): TraceHop => ({
  direction,
  place: { node: "n" },
  kind,
  stage: kind,
  packet: { proto: "TCP", src: "a", sport: 1, dst: "b", dport: 2, mark: 0, bytes: 0 },
  cost: { rulesEvaluated: 0, lookups: 0 },
});

/** 3 DNS hops (one conntrack), 3 request hops, 2 reply hops (one conntrack). */
const trace = {
  hops: [
    hop("dns", "send"),
    hop("dns", "conntrack"),
    hop("dns", "dns answer"),
    hop("request", "send"),
    hop("request", "hook"),
    hop("request", "deliver"),
    hop("reply", "conntrack"),
    hop("reply", "deliver"),
  ],
} as Trace;

describe("trace phases", () => {
  it("folds each run of hidden hops into one row, by phase", () => {
    const noDns = filterFolding(["dns"]);
    expect(traceRows(trace, noDns)).toEqual([
      { k: "folded", phase: "dns", from: 0, count: 1 },
      { k: "hop", index: 1 },
      { k: "folded", phase: "dns", from: 2, count: 1 },
      { k: "hop", index: 3 },
      { k: "hop", index: 4 },
      { k: "hop", index: 5 },
      { k: "hop", index: 6 },
      { k: "hop", index: 7 },
    ]);
    const quiet = filterFolding(["dns", "conntrack"]);
    expect(traceRows(trace, quiet).slice(0, 2)).toEqual([
      { k: "folded", phase: "dns", from: 0, count: 1 },
      { k: "folded", phase: "conntrack", from: 1, count: 1 },
    ]);
    expect(traceRows(trace, ALL_PHASES)).toHaveLength(trace.hops.length);
  });

  it("steps through the hops shown only", () => {
    const f = filterFolding(["dns", "conntrack"]);
    expect(firstShown(trace, f)).toBe(3);
    expect(nextShown(trace, f, 5)).toBe(7);
    expect(previousShown(trace, f, 7)).toBe(5);
    expect(previousShown(trace, f, 3)).toBe(3);
    expect(nextShown(trace, f, 7)).toBe(7);
    expect(nearestShown(trace, f, 1)).toBe(3);
    expect(nearestShown(trace, filterFolding(["dns", "request", "reply", "conntrack"]), 4)).toBe(-1);
  });

  it("offers a toggle only for the phases a trace has", () => {
    expect(phasesIn(trace)).toEqual(["dns", "request", "reply", "conntrack"]);
    expect(phasesIn({ hops: [hop("request")] } as Trace)).toEqual(["request"]);
  });
});
