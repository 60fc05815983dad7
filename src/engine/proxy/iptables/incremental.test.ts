import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NODE } from "../nftables/scenarios.testkit";
import {
  applyEdits,
  edit,
  inputOf,
  materializeShape,
  svcShape,
  type World,
} from "../nftables/worlds.testkit";
import { buildIptablesDataPlane } from "./dataPlane";

describe("partial syncs", () => {
  it("leave the rules a fresh build of the same input has, whatever changed in between", () => {
    const step = fc.record({
      edits: fc.array(edit, { minLength: 6, maxLength: 6 }),
      shapes: fc.array(svcShape, { minLength: 6, maxLength: 6 }),
      reversed: fc.boolean(),
      podSubnet: fc.constantFrom(...Array<string>(7).fill("10.244.0.0/16"), "10.0.0.0/8"),
    });
    fc.assert(
      fc.property(
        fc.array(svcShape, { minLength: 6, maxLength: 6 }),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        (first, steps) => {
          let world: World = new Map(first.map((s, i) => [i, materializeShape(i, s, "1")]));
          const plane = buildIptablesDataPlane(inputOf(world, false), NODE);
          steps.forEach((s, n) => {
            world = applyEdits(world, s.edits, s.shapes, String(n + 2));
            const input = inputOf(world, s.reversed, s.podSubnet);
            plane.sync(input);
            const fresh = buildIptablesDataPlane(input, NODE);
            expect(plane.restoreInput()).toBe(fresh.restoreInput());
            expect(plane.save({ nowMs: 0 })).toBe(fresh.save({ nowMs: 0 }));
          });
        },
      ),
      { seed: 18, numRuns: 60 },
    );
  }, 120_000);
});
