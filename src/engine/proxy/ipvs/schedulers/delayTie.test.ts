import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { delayText, reasonMessages } from "../../../net/hopStory";
import { english } from "../../../net/messages";
import { nq } from "./nq";
import { sed } from "./sed";
import type { SchedDest, SchedPacket, Scheduler } from "./types";

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

/** The scheduler's choice and every line of why, in English. */
function why(s: Scheduler<null>, ds: SchedDest[]): { dest: string; lines: string[] } {
  const dest = s.schedule(null, ds, PKT, [])!.key;
  return { dest, lines: reasonMessages(s.explain(null, ds, PKT, []), dest).map(english) };
}

describe("sed and nq say their expected delays (C + 1) / W and how the kernel breaks ties", () => {
  it("a delay is exact, or to three places with ≈", () => {
    expect(delayText(1, 1)).toBe("1");
    expect(delayText(2, 4)).toBe("0.5");
    expect(delayText(2, 3)).toBe("≈0.667");
    expect(delayText(3, 2)).toBe("1.5");
  });

  it("sed: each server's delay, the shortest taken", () => {
    expect(why(sed, dests([1, 1, 5], [3, 1, 0], [2, 2, 0]))).toEqual({
      dest: "10.244.1.7:8080",
      lines: [
        "sed: the shortest expected delay (active + 1) / weight, ≈0.667: 10.244.1.7:8080",
        "10.244.0.7:8080: 1 active, weight 1 → (1 + 1) / 1 = 2",
        "10.244.1.7:8080: 1 active, weight 3 → (1 + 1) / 3 = ≈0.667",
        "10.244.2.7:8080: 2 active, weight 2 → (2 + 1) / 2 = 1.5",
      ],
    });
  });

  it("sed: a Service's first connection, every server at 1; the first in the list is taken", () => {
    expect(why(sed, dests([1, 0, 0], [1, 0, 0], [1, 0, 0])).lines[0]).toBe(
      "sed: all 3 servers at 1; the first in the list is taken: 10.244.0.7:8080",
    );
  });

  it("sed: 2/2 = 1/1 is a tie by cross-multiplication; a quiesced server is not among them", () => {
    const { dest, lines } = why(sed, dests([0, 0, 0], [1, 1, 0], [2, 1, 0], [1, 0, 0]));
    expect(dest).toBe("10.244.2.7:8080");
    expect(lines[0]).toBe(
      "sed: 2 servers tie at the shortest expected delay, 1; the kernel keeps the first in its list (strict >): 10.244.2.7:8080",
    );
    expect(lines[1]).toBe("10.244.0.7:8080: 0 active, weight 0: quiesced, no new connection");
  });

  it("nq: the first idle server in the list is taken at once, however fast the others are", () => {
    const heavy = dests([10, 1, 0], [1, 0, 0], [1, 0, 0]);
    expect(why(nq, heavy).lines[0]).toBe(
      "nq: 2 servers have no active connection; the kernel takes the first it meets in its list: 10.244.1.7:8080",
    );
    expect(why(nq, dests([10, 1, 0], [1, 1, 0], [1, 0, 0])).lines[0]).toBe(
      "nq: 10.244.2.7:8080 has no active connection: chosen at once",
    );
  });

  it("nq with no idle server chooses as sed, ties kept by the first in the list", () => {
    expect(why(nq, dests([1, 1, 0], [1, 1, 0], [1, 2, 0])).lines[0]).toBe(
      "nq: no idle server; 2 servers tie at the shortest expected delay, 2; the kernel keeps the first in its list (strict >): 10.244.0.7:8080",
    );
    expect(why(nq, dests([1, 1, 0], [1, 1, 0])).lines[0]).toBe(
      "nq: no idle server; all 2 servers at 2; the first in the list is taken: 10.244.0.7:8080",
    );
    expect(why(nq, dests([1, 2, 0], [2, 1, 0])).lines[0]).toBe(
      "nq: no idle server; the shortest expected delay (active + 1) / weight, 1: 10.244.1.7:8080",
    );
  });

  it("the line says a tie exactly when other servers share the chosen delay, and names the first of them", () => {
    const spec = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(spec, fc.constantFrom(sed, nq), (s, sched) => {
        const ds = dests(...s);
        const live = ds.filter((d) => d.weight > 0);
        if (live.length === 0) return;
        const { dest, lines } = why(sched, ds);
        const idle = live.filter((d) => d.activeConns === 0);
        if (sched === nq && idle.length > 0) {
          expect(dest).toBe(idle[0]!.key);
          expect(lines[0]!.includes("have no active connection")).toBe(idle.length > 1);
          return;
        }
        const delay = (d: SchedDest) => (d.activeConns + 1) / d.weight;
        const chosen = ds.find((d) => d.key === dest)!;
        const tied = live.filter((d) => delay(d) === delay(chosen));
        expect(tied[0]!.key).toBe(dest);
        expect(delay(chosen)).toBe(Math.min(...live.map(delay)));
        expect(/tie at|all \d+ servers at/.test(lines[0]!)).toBe(tied.length > 1);
        expect(lines).toHaveLength(ds.length + 1);
      }),
      { seed: 1311, numRuns: 300 },
    );
  });
});
