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
    // The base fits this panel: taken as it is, or grown.
    expect(fitLayout(syntheticView(1, 2), 1100, 800, 1.8).scale).toBeGreaterThanOrEqual(1.8);
    // It does not fit this one: laid out as wide as the panel at the base, taller than the panel
    // (the view frames part of it with labels at the base's size).
    const { layout, scale } = fitLayout(syntheticView(5, 8), 1100, 800, 1.8);
    expect(scale).toBe(1.8);
    expect(layout.width * scale).toBeLessThanOrEqual(1100 + 0.5);
    expect(layout.height * scale).toBeGreaterThan(800);
  });
});

describe("fitLayout for a room's screen", () => {
  it("shows all of the seed's five nodes, when asked, laid out wider for larger type", () => {
    const [w, h, asked] = [1150, 1000, 2.4];
    const view = syntheticView(5, 8);
    const { layout, scale } = fitLayout(view, w, h, asked, { all: true });
    const stacked = fitLayout(view, w / asked, Number.POSITIVE_INFINITY).layout;
    const stackedZoom = Math.min(w / stacked.width, h / stacked.height);
    expect(Math.min(w / layout.width, h / layout.height)).toBeCloseTo(scale, 5);
    expect(scale).toBeGreaterThan(stackedZoom * 1.3);
    expect(layout.height * scale).toBeLessThanOrEqual(h + 0.5);
  });
});
