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
