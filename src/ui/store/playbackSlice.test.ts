import { afterEach, describe, expect, it, vi } from "vitest";
import type { Trace, TraceHop } from "../../engine/net/types";
import { filterFolding } from "../features/trace/phases";
import { useAppStore } from "./index";

const hop = (direction: TraceHop["direction"]): TraceHop =>
  ({ direction, kind: "pod", stage: "pod", cost: { rulesEvaluated: 0, lookups: 0 } }) as unknown as TraceHop;

/** A DNS lookup, two request hops and a reply hop. */
const trace: Trace = {
  version: 2,
  mode: "iptables",
  source: { pod: "testnet", namespace: "default", ip: "10.244.1.5" },
  target: "web",
  hops: [hop("dns"), hop("request"), hop("request"), hop("reply")],
  verdict: "delivered",
  cost: { rulesEvaluated: 0, lookups: 0 },
};

/** The page's motion preference as `matchMedia` reports it. */
function reducedMotion(reduce: boolean) {
  vi.stubGlobal("window", { matchMedia: () => ({ matches: reduce }) });
}

describe("a new packet's playback", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useAppStore.getState().setPhases(filterFolding([]));
    useAppStore.getState().setTrace(null);
  });

  it("plays from the first hop shown", () => {
    reducedMotion(false);
    const s = useAppStore.getState();
    s.setPhases(filterFolding(["dns"]));
    s.setTrace(trace);
    expect(useAppStore.getState()).toMatchObject({ hop: 1, playing: true });
  });

  it("with reduced motion, is not played out: it stands paused at the last hop shown", () => {
    reducedMotion(true);
    const s = useAppStore.getState();
    s.setTrace(trace);
    expect(useAppStore.getState()).toMatchObject({ hop: 3, playing: false });
    s.setPhases(filterFolding(["reply"]));
    s.setTrace({ ...trace });
    expect(useAppStore.getState()).toMatchObject({ hop: 2, playing: false });
    // Play, pressed, plays it from the first hop shown.
    s.play();
    expect(useAppStore.getState()).toMatchObject({ hop: 0, playing: true });
  });

  it("is nothing without a packet", () => {
    reducedMotion(true);
    useAppStore.getState().setTrace(null);
    expect(useAppStore.getState()).toMatchObject({ trace: null, hop: -1, playing: false });
  });
});
