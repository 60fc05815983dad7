import { describe, expect, it } from "vitest";
import {
  apply,
  identity,
  SCALE_EXTENT,
  scaleAbout,
  toAttribute,
  translateBy,
  wheelFactor,
} from "./zoomTransform";

describe("the diagram's zoom transform", () => {
  it("maps world points to the screen and writes the SVG attribute", () => {
    const t = { x: 10, y: -5, k: 2 };
    expect(apply(t, [3, 4])).toEqual([16, 3]);
    expect(toAttribute(t)).toBe("translate(10,-5) scale(2)");
    expect(apply(identity, [7, 8])).toEqual([7, 8]);
  });

  it("scales about a screen point, which stays where it was", () => {
    const t = { x: 40, y: 20, k: 1.5 };
    const at: [number, number] = [300, 200];
    const world: [number, number] = [(at[0] - t.x) / t.k, (at[1] - t.y) / t.k];
    const zoomed = scaleAbout(t, 1.25, at);
    expect(zoomed.k).toBeCloseTo(1.875, 10);
    const [sx, sy] = apply(zoomed, world);
    expect(sx).toBeCloseTo(at[0], 10);
    expect(sy).toBeCloseTo(at[1], 10);
  });

  it("keeps the user's zoom within the extent", () => {
    expect(scaleAbout({ x: 0, y: 0, k: 6 }, 4, [0, 0]).k).toBe(SCALE_EXTENT[1]);
    expect(scaleAbout({ x: 0, y: 0, k: 0.2 }, 0.1, [0, 0]).k).toBe(SCALE_EXTENT[0]);
  });

  it("pans by screen pixels at any zoom", () => {
    expect(translateBy({ x: 1, y: 2, k: 3 }, 10, -4)).toEqual({ x: 11, y: -2, k: 3 });
  });

  it("reads the wheel as d3-zoom does: pixels, lines, pages, and a trackpad's pinch", () => {
    expect(wheelFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(2 ** 0.2, 10);
    expect(wheelFactor({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(2 ** -0.15, 10);
    expect(wheelFactor({ deltaY: 1, deltaMode: 2, ctrlKey: false })).toBeCloseTo(0.5, 10);
    expect(wheelFactor({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(2 ** 0.2, 10);
  });
});
