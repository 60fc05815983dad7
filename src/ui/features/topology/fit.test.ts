import { describe, expect, it } from "vitest";
import { fitLayout, MAX_GROWTH } from "./fit";
import { FONT } from "./metrics";
import { syntheticView } from "./view.testkit";

/** The smallest text in the diagram, in screen px, at the zoom that fits the layout to the panel. */
function smallestLabel(scale: number, layoutW: number, layoutH: number, w: number, h: number): number {
  const zoom = Math.min(w / layoutW, h / layoutH);
  return Math.min(FONT.text, FONT.badge) * Math.min(zoom, scale);
}

describe("fitLayout", () => {
  it("fills a laptop's diagram panel with the default cluster at more than the base type size", () => {
    const { layout, scale } = fitLayout(syntheticView(3, 2), 1321, 550);
    expect(scale).toBeGreaterThan(1);
    expect(layout.height * scale).toBeLessThanOrEqual(551);
    expect(layout.width * scale).toBeCloseTo(1321, 0);
    expect(smallestLabel(scale, layout.width, layout.height, 1321, 550)).toBeGreaterThanOrEqual(13);
  });

  it("never grows the type beyond its limit, however large the panel", () => {
    expect(fitLayout(syntheticView(1, 1), 3000, 2000).scale).toBeCloseTo(MAX_GROWTH, 5);
  });

  it("keeps 13 px labels for the seed lesson's cluster beside an open side panel at 1366×768", () => {
    const { layout, scale } = fitLayout(syntheticView(3, 6), 1037, 550);
    expect(smallestLabel(scale, layout.width, layout.height, 1037, 550)).toBeGreaterThanOrEqual(13);
  });

  it("stays at the base scale for 300 pods (the view zooms out to fit, or the user pans)", () => {
    const { scale } = fitLayout(syntheticView(10, 300), 1321, 550);
    expect(scale).toBe(1);
  });

  it("starts from a host page's larger base (presentation mode)", () => {
    expect(fitLayout(syntheticView(3, 2), 1100, 800, 1.8).scale).toBeGreaterThanOrEqual(1.8);
  });
});
