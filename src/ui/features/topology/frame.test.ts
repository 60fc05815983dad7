import { describe, expect, it } from "vitest";
import { fitLayout } from "./fit";
import { focusCandidates } from "./focus";
import { edgesBeyond, frameView, MIN_LABEL_PX, READABLE_ZOOM, zoomForLabel } from "./frame";
import { tracePoints } from "./hopPosition";
import { FONT } from "./metrics";
import { syntheticTrace, syntheticView } from "./view.testkit";
import { apply } from "./zoomTransform";

/** A laptop's diagram panel beside an open lesson (1366×768). */
const LAPTOP = { x: 0, y: 0, w: 760, h: 420 };

describe("frameView", () => {
  it("shows the whole cluster when that keeps labels readable", () => {
    const { layout, scale } = fitLayout(syntheticView(2, 2), 1321, 550);
    const t = frameView({ x: 0, y: 0, w: 1321, h: 550 }, layout, scale, [], false);
    expect(edgesBeyond({ x: 0, y: 0, w: 1321, h: 550 }, layout, t)).toEqual({
      top: false,
      right: false,
      bottom: false,
      left: false,
    });
  });

  it("frames the walked packet at a readable zoom when the whole cluster would shrink labels", () => {
    const view = syntheticView(5, 20);
    const { layout, scale } = fitLayout(view, LAPTOP.w, LAPTOP.h);
    expect(Math.min(LAPTOP.w / layout.width, LAPTOP.h / layout.height)).toBeLessThan(READABLE_ZOOM);
    const points = tracePoints(layout, syntheticTrace(view, 0, 7).hops);
    for (let hop = 0; hop < points.length; hop++) {
      const t = frameView(LAPTOP, layout, scale, focusCandidates(layout, points, hop, []), false);
      expect(FONT.text * t.k).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      const [x, y] = apply(t, [points[hop]!.x, points[hop]!.y]);
      expect(x).toBeGreaterThanOrEqual(LAPTOP.x);
      expect(x).toBeLessThanOrEqual(LAPTOP.x + LAPTOP.w);
      expect(y).toBeGreaterThanOrEqual(LAPTOP.y);
      expect(y).toBeLessThanOrEqual(LAPTOP.y + LAPTOP.h);
      expect(Object.values(edgesBeyond(LAPTOP, layout, t)).some(Boolean)).toBe(true);
    }
  });

  it("frames a picked Service with no packet, and fits everything when asked, whatever the labels", () => {
    const view = syntheticView(5, 20);
    const { layout, scale } = fitLayout(view, LAPTOP.w, LAPTOP.h);
    const svc = layout.services[0]!;
    const t = frameView(
      LAPTOP,
      layout,
      scale,
      focusCandidates(layout, [], -1, [`service:${svc.key}`]),
      false,
    );
    expect(t.k).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const [x, y] = apply(t, [svc.x + svc.w / 2, svc.y + svc.h / 2]);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(LAPTOP.w);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(LAPTOP.h);
    const all = frameView(LAPTOP, layout, scale, focusCandidates(layout, [], -1, []), true);
    expect(all.k).toBeLessThan(READABLE_ZOOM);
    expect(Object.values(edgesBeyond(LAPTOP, layout, all)).some(Boolean)).toBe(false);
  });

  it("frames the walked packet at a room's 24 px floor on a projector's diagram pane", () => {
    const ROOM = { x: 0, y: 0, w: 1118, h: 1061 };
    const floor = zoomForLabel(24);
    const view = syntheticView(5, 8);
    const { layout, scale } = fitLayout(view, ROOM.w, ROOM.h, floor);
    // The whole cluster would put labels under the floor: the view frames the packet's part.
    expect(Math.min(ROOM.w / layout.width, ROOM.h / layout.height)).toBeLessThan(floor);
    const points = tracePoints(layout, syntheticTrace(view, 0, 7).hops);
    for (let hop = 0; hop < points.length; hop++) {
      const t = frameView(ROOM, layout, scale, focusCandidates(layout, points, hop, []), false, floor);
      expect(Math.min(FONT.text, FONT.badge) * t.k).toBeGreaterThanOrEqual(24);
      const [x, y] = apply(t, [points[hop]!.x, points[hop]!.y]);
      expect(x).toBeGreaterThanOrEqual(ROOM.x);
      expect(x).toBeLessThanOrEqual(ROOM.x + ROOM.w);
      expect(y).toBeGreaterThanOrEqual(ROOM.y);
      expect(y).toBeLessThanOrEqual(ROOM.y + ROOM.h);
    }
    // "Show all": the layout that shows the whole cluster largest, all of it in the pane.
    const whole = fitLayout(view, ROOM.w, ROOM.h, floor, { all: true }).layout;
    const all = frameView(ROOM, whole, scale, [], true, floor);
    expect(Object.values(edgesBeyond(ROOM, whole, all)).some(Boolean)).toBe(false);
  });

  it("keeps the phone's rule: a narrow, tall panel fits the diagram's width", () => {
    const { layout, scale } = fitLayout(syntheticView(5, 40), 390, 600);
    const t = frameView({ x: 0, y: 0, w: 390, h: 600 }, layout, scale, [], false);
    expect(layout.width * t.k).toBeCloseTo(390, 0);
  });
});
