import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reasonMessages } from "../../../net/hopStory";
import { english } from "../../../net/messages";
import { lc } from "./lc";
import type { SchedDest, SchedPacket, Scheduler } from "./types";
import { wlc } from "./wlc";

const PKT: SchedPacket = { src: "10.244.1.5", sport: 40000, dst: "10.96.0.12", dport: 80, nowMs: 0 };

/** Real servers in the kernel's list order: [weight, active, inactive] each. */
function dests(...spec: [number, number, number][]): SchedDest[] {
  return spec.map(([weight, active, inactive], i) => ({
    key: `10.244.${i}.7:8080`,
    ip: `10.244.${i}.7`,
    port: 8080,
    weight,
    lastWeight: weight || 1,
    activeConns: active,
    inactConns: inactive,
  }));
}

/** The scheduler's choice and the first line of why, in English. */
function why(s: Scheduler<null>, ds: SchedDest[]): { dest: string; head: string } {
  const dest = s.schedule(null, ds, PKT, [])!.key;
  return { dest, head: english(reasonMessages(s.explain(null, ds, PKT, []), dest)[0]!) };
}

describe("lc and wlc ties: the first in the kernel's list is kept", () => {
  it("lc: a Service's first packet, every server at 0", () => {
    expect(why(lc, dests([1, 0, 0], [1, 0, 0], [1, 0, 0]))).toEqual({
      dest: "10.244.0.7:8080",
      head: "lc: all 3 servers at 0; the first in the list is taken: 10.244.0.7:8080",
    });
  });

  it("lc: two of three tie at the fewest; a quiesced server (weight 0) is not among them", () => {
    expect(why(lc, dests([0, 0, 0], [1, 1, 0], [1, 0, 2], [1, 0, 2]))).toEqual({
      dest: "10.244.2.7:8080",
      head: "lc: 2 servers tie at the fewest connections, 2; the kernel keeps the first in its list (strict <): 10.244.2.7:8080",
    });
  });

  it("lc without a tie says the fewest, as before", () => {
    expect(why(lc, dests([1, 1, 0], [1, 1, 0], [1, 0, 0])).head).toBe(
      "lc: the fewest connections (active × 256 + inactive): 10.244.2.7:8080",
    );
  });

  it("wlc: equal load by cross-multiplication (256/1 = 512/2) is a tie", () => {
    expect(why(wlc, dests([1, 1, 0], [2, 2, 0]))).toEqual({
      dest: "10.244.0.7:8080",
      head: "wlc: all 2 servers at 256/1; the first in the list is taken: 10.244.0.7:8080",
    });
    expect(why(wlc, dests([1, 1, 0], [1, 0, 0], [3, 0, 0])).head).toBe(
      "wlc: 2 servers tie at the least (active × 256 + inactive) / weight, 0/1; the kernel keeps the first in its list (strict >): 10.244.1.7:8080",
    );
    expect(why(wlc, dests([1, 1, 0], [2, 1, 0])).head).toBe(
      "wlc: the least (active × 256 + inactive) / weight: 10.244.1.7:8080",
    );
  });

  it("a tie message names the first eligible server at the chosen cost", () => {
    const spec = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(spec, fc.constantFrom(lc, wlc), (s, sched) => {
        const ds = dests(...s);
        if (!ds.some((d) => d.weight > 0)) return;
        const { dest, head } = why(sched, ds);
        const load = (d: SchedDest) => (d.activeConns * 256 + d.inactConns) / (sched === lc ? 1 : d.weight);
        const chosen = ds.find((d) => d.key === dest)!;
        const tied = ds.filter((d) => d.weight > 0 && load(d) === load(chosen));
        expect(tied[0]!.key).toBe(dest);
        expect(/tie at|all \d+ servers at/.test(head)).toBe(tied.length > 1);
      }),
      { seed: 1307, numRuns: 300 },
    );
  });
});
