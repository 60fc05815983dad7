import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covers, placeCallout } from "./calloutPlacement";

const panel = { x: 0, y: 0, w: 1000, h: 600 };
const size = { w: 320, h: 160 };

describe("placeCallout", () => {
  it("sits below and right of a hop with room there", () => {
    expect(placeCallout({ x: 100, y: 100 }, size, panel)).toEqual({ x: 116, y: 116 });
  });

  it("turns to the left and above near the panel's bottom-right corner", () => {
    expect(placeCallout({ x: 950, y: 560 }, size, panel)).toEqual({ x: 950 - 16 - 320, y: 560 - 16 - 160 });
  });

  it("stays inside the panel and off its hop wherever the hop is, if the callout fits beside it", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.integer({ min: 80, max: 420 }),
        fc.integer({ min: 40, max: 260 }),
        (x, y, w, h) => {
          const at = placeCallout({ x, y }, { w, h }, panel);
          expect(at.x).toBeGreaterThanOrEqual(panel.x - 1e-6);
          expect(at.y).toBeGreaterThanOrEqual(panel.y - 1e-6);
          expect(at.x + w).toBeLessThanOrEqual(panel.x + panel.w + 1e-6);
          expect(at.y + h).toBeLessThanOrEqual(panel.y + panel.h + 1e-6);
          // Less than half the panel tall: there is always room above or below the hop.
          if (h < panel.h / 2 - 16) expect(covers(at, { w, h }, { x, y })).toBe(false);
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it("keeps the callout inside a phone-sized panel", () => {
    const phone = { x: 0, y: 0, w: 374, h: 420 };
    const at = placeCallout({ x: 360, y: 30 }, { w: 340, h: 150 }, phone);
    expect(at.x).toBeGreaterThanOrEqual(0);
    expect(at.x + 340).toBeLessThanOrEqual(374);
    expect(covers(at, { w: 340, h: 150 }, { x: 360, y: 30 })).toBe(false);
  });
});

describe("placeCallout with hops to avoid", () => {
  it("picks, among places that fit, the one that hides fewest of the hops around", () => {
    const at = placeCallout({ x: 400, y: 300 }, size, panel, [{ x: 500, y: 380 }]);
    expect(covers(at, size, { x: 500, y: 380 }, 6)).toBe(false);
    expect(at).toEqual({ x: 416, y: 300 - 16 - 160 });
  });
});

describe("placeCallout with the diagram's text to keep readable", () => {
  const overlap = (at: { x: number; y: number }, r: { x: number; y: number; w: number; h: number }) =>
    Math.max(0, Math.min(at.x + size.w, r.x + r.w) - Math.max(at.x, r.x)) *
    Math.max(0, Math.min(at.y + size.h, r.y + r.h) - Math.max(at.y, r.y));

  it("leaves a node's name uncovered when a place that fits does", () => {
    const header = { x: 420, y: 110, w: 400, h: 46 };
    const pod = { x: 300, y: 330, w: 300, h: 42 };
    const at = placeCallout({ x: 400, y: 300 }, size, panel, [], [header, pod]);
    expect(overlap(at, header)).toBe(0);
    expect(overlap(at, pod)).toBe(0);
    expect(covers(at, size, { x: 400, y: 300 })).toBe(false);
  });

  it("never covers more text than the corner it would take without any, nor its hop", () => {
    const rect = fc.record({
      x: fc.integer({ min: 0, max: 900 }),
      y: fc.integer({ min: 0, max: 560 }),
      w: fc.integer({ min: 20, max: 400 }),
      h: fc.integer({ min: 14, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 600 }),
        fc.array(rect, { maxLength: 12 }),
        (x, y, text) => {
          const plain = placeCallout({ x, y }, size, panel);
          const at = placeCallout({ x, y }, size, panel, [], text);
          const covered = (c: { x: number; y: number }) => text.reduce((s, r) => s + overlap(c, r), 0);
          if (!covers(plain, size, { x, y })) {
            expect(covered(at)).toBeLessThanOrEqual(covered(plain));
            expect(covers(at, size, { x, y })).toBe(false);
          }
          expect(at.x).toBeGreaterThanOrEqual(panel.x);
          expect(at.y + size.h).toBeLessThanOrEqual(panel.y + panel.h);
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });
});
