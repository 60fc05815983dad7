import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IpvsScheduler } from "../../../api/configTypes";
import type { LeastRow, SchedulerReason } from "../../../net/hopWalk";
import { SCHEDULERS } from "./index";
import { makeMh } from "./mh";
import type { SchedDest, SchedFlag, SchedPacket, Scheduler } from "./types";

/** Destinations with weights 0–3 and some connections, as a busy virtual server has them. */
const destsArb = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 0, max: 3 }),
      active: fc.integer({ min: 0, max: 4 }),
      inactive: fc.integer({ min: 0, max: 4 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((spec) =>
    spec.map(
      (s, i): SchedDest => ({
        key: `10.244.${i}.7:8080`,
        ip: `10.244.${i}.7`,
        port: 8080,
        weight: s.weight,
        lastWeight: s.weight || 1,
        activeConns: s.active,
        inactConns: s.inactive,
      }),
    ),
  );

const packetsArb = fc.array(
  fc.record({
    src: fc.constantFrom("10.244.1.5", "10.244.2.9", "192.168.1.50", "10.244.3.3"),
    sport: fc.integer({ min: 32768, max: 60999 }),
    dst: fc.constantFrom("10.96.0.12", "10.96.7.1"),
  }),
  { minLength: 1, maxLength: 8 },
);

const ratio = (r: LeastRow) => r.overhead / r.weight;

/** What the reason says must have been chosen, checked against what was. */
function agrees(reason: SchedulerReason, chosen: SchedDest | null, dests: readonly SchedDest[]): void {
  switch (reason.rule) {
    case "rr": {
      const start = reason.previous === null ? -1 : dests.findIndex((d) => d.key === reason.previous);
      const n = dests.length;
      const next = Array.from({ length: n }, (_, i) => dests[(start + 1 + i + n) % n]!).find(
        (d) => d.weight > 0,
      );
      expect(chosen?.key).toBe(next?.key);
      break;
    }
    case "wrr":
      if (chosen) expect(chosen.weight).toBeGreaterThan(0);
      expect(reason.cw).toBeLessThanOrEqual(reason.mw);
      break;
    case "least": {
      const live = reason.rows.filter((r) => r.weight > 0);
      if (!chosen) expect(live).toEqual([]);
      else if (reason.idle) expect(chosen.key).toBe(reason.idle);
      else {
        const row = reason.rows.find((r) => r.dest === chosen.key)!;
        const cost = reason.scheduler === "lc" ? (r: LeastRow) => r.overhead : ratio;
        expect(cost(row)).toBe(Math.min(...live.map(cost)));
      }
      break;
    }
    case "hash": {
      // No fallback flag in these runs: the bucket's owner, or nothing when it is quiesced.
      const owner = dests.find((d) => d.key === reason.owner);
      if (owner && owner.weight > 0) expect(chosen?.key).toBe(owner.key);
      else expect(chosen).toBeNull();
      break;
    }
    case "locality":
      if (!chosen) return;
      if (reason.cache === "used") expect(reason.cached).toContain(chosen.key);
      else {
        const live = (reason.rows ?? []).filter((r) => r.weight > 0);
        expect(ratio(live.find((r) => r.dest === chosen.key)!)).toBe(Math.min(...live.map(ratio)));
      }
      break;
  }
}

const FLAGS: Partial<Record<IpvsScheduler, SchedFlag[]>> = { mh: ["mh-port"], sh: [] };

describe("each scheduler's explain() says why schedule() chooses what it chooses", () => {
  for (const name of Object.keys(SCHEDULERS) as IpvsScheduler[]) {
    it(name, () => {
      // mh at the kernel's smallest table (251 slots) keeps the run quick; the table's size does not change the rule.
      const impl = (name === "mh" ? makeMh(251) : SCHEDULERS[name]) as Scheduler<unknown>;
      fc.assert(
        fc.property(destsArb, packetsArb, (dests, packets) => {
          const state = impl.init(dests);
          packets.forEach((p, i) => {
            const pkt: SchedPacket = { ...p, dport: 80, nowMs: i * 1000 };
            const flags = FLAGS[name] ?? [];
            const reason = impl.explain(state, dests, pkt, flags);
            const before = JSON.stringify(reason);
            const chosen = impl.schedule(state, dests, pkt, flags);
            // The reason is a snapshot: choosing does not change what it said.
            expect(JSON.stringify(reason)).toBe(before);
            agrees(reason, chosen, dests);
          });
        }),
        { seed: 2024, numRuns: 150 },
      );
    });
  }
});
