import { describe, expect, it } from "vitest";
import { dests, pkt } from "./dests.testkit";
import { MH_DEFAULT_SIZE, makeMh, mhLookupTable } from "./mh";

const three = () => dests([["10.244.1.5"], ["10.244.2.7"], ["10.244.3.9"]]);

function shares(table: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of table) if (k) out[k] = (out[k] ?? 0) + 1;
  return out;
}

describe("mh (ip_vs_mh.c, Maglev)", () => {
  it("uses the kernel's default table size 4093 and fills every slot", () => {
    expect(MH_DEFAULT_SIZE).toBe(4093);
    const t = mhLookupTable(three());
    expect(t).toHaveLength(4093);
    expect(t.every((k) => k !== null)).toBe(true);
    // Equal weights: the round-robin claiming gives each server 1364 or 1365 slots.
    expect(Object.values(shares(t)).sort()).toEqual([1364, 1364, 1365]);
  });

  it("is deterministic (fixed hsiphash keys)", () => {
    expect(mhLookupTable(three(), 251)).toEqual(mhLookupTable(three(), 251));
  });

  it("disrupts little when a server is removed", () => {
    const before = mhLookupTable(three());
    const after = mhLookupTable(three().slice(0, 2));
    let moved = 0;
    let kept = 0;
    before.forEach((k, i) => {
      if (k === "10.244.3.9:80") return;
      if (after[i] === k) kept++;
      else moved++;
    });
    // Slots of the surviving servers overwhelmingly keep their owner.
    expect(kept / (kept + moved)).toBeGreaterThan(0.9);
  });

  it("with mh-port (kube-proxy's flag) the source port is part of the key", () => {
    const d = three();
    const mh = makeMh(251);
    const s = mh.init(d);
    const noPort = new Set(
      [1, 2, 3, 4, 5, 6].map((p) => mh.schedule(s, d, pkt("10.244.9.9", 40000 + p), [])?.ip),
    );
    expect(noPort.size).toBe(1);
    const withPort = new Set(
      Array.from({ length: 30 }, (_, p) => mh.schedule(s, d, pkt("10.244.9.9", 40000 + p), ["mh-port"])?.ip),
    );
    expect(withPort.size).toBe(3);
  });
});
