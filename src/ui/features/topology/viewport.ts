/**
 * Pan and zoom of the diagram (wheel, drag, pinch, with pointer events), fitting it to the panel
 * between the toolbars over its edges. A narrow, tall panel (a phone) fits the diagram's width and
 * lets the user pan down, rather than shrink its type below the base size.
 */
import type { Selection } from "d3";
import type { Box, TopologyLayout } from "./layout";
import { apply, identity, scaleAbout, translateBy, wheelFactor, type ZoomTransform } from "./zoomTransform";

export interface Insets {
  top: number;
  bottom: number;
}

export interface Viewport {
  transform(): ZoomTransform;
  /** The host's size, as last observed. */
  size(): { w: number; h: number };
  setSize(w: number, h: number): void;
  insets(): Insets;
  setInsets(insets: Insets): void;
  /** The area the diagram may use: the host minus the toolbars. */
  area(): Box;
  /** Whether the user zoomed or panned since the last fit (then relayouts keep their view). */
  userZoomed(): boolean;
  /** Fits `layout`, laid out for type scale `scale`, into the area. */
  fit(layout: TopologyLayout, scale: number): void;
  zoomBy(factor: number): void;
  /** Pans (keeping the zoom) so the world point `p` is in view, centring it on each axis it was off. */
  follow(p: { x: number; y: number }): void;
  /** Centres `box` at a zoom of at least 1.5. */
  reveal(box: Box): void;
  destroy(): void;
}

/** Below this width a tall panel fits the diagram's width, not its whole height. */
const NARROW = 600;
/** A followed packet is kept at least this far inside the panel's edges. */
const FOLLOW_MARGIN = 40;
/** A press that moves less than this (px) is a click on what is under it, not a pan. */
const CLICK_SLOP = 3;

export function createViewport(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  onZoom: (t: ZoomTransform, byUser: boolean) => void,
): Viewport {
  const el = svg.node()!;
  let t: ZoomTransform = identity;
  let size = { w: 0, h: 0 };
  let insets: Insets = { top: 0, bottom: 0 };
  let byUser = false;

  const set = (next: ZoomTransform, gesture: boolean) => {
    t = next;
    if (gesture) byUser = true;
    onZoom(t, gesture);
  };
  const gestures = createGestures(el, () => t, set);

  const area = (): Box => ({
    x: 0,
    y: insets.top,
    w: size.w,
    h: Math.max(0, size.h - insets.top - insets.bottom),
  });

  return {
    transform: () => t,
    size: () => size,
    setSize(w, h) {
      size = { w, h };
    },
    insets: () => insets,
    setInsets(next) {
      insets = next;
    },
    area,
    userZoomed: () => byUser,
    fit(layout, scale) {
      const a = area();
      if (!a.w || !a.h || !layout.width || !layout.height) return;
      let k = Math.min(a.w / layout.width, a.h / layout.height);
      if (a.w < NARROW && a.h > a.w && k < scale) k = Math.min(scale, a.w / layout.width);
      const x = a.x + (a.w - layout.width * k) / 2;
      const y = a.y + Math.max(0, (a.h - layout.height * k) / 2);
      byUser = false;
      set({ x, y, k }, false);
    },
    zoomBy(factor) {
      const a = area();
      byUser = true;
      set(scaleAbout(t, factor, [a.x + a.w / 2, a.y + a.h / 2]), false);
    },
    follow(p) {
      const a = area();
      const [sx, sy] = apply(t, [p.x, p.y]);
      const margin = Math.min(FOLLOW_MARGIN, a.w / 4, a.h / 4);
      const off = (v: number, from: number, span: number) => v < from + margin || v > from + span - margin;
      const dx = off(sx, a.x, a.w) ? a.x + a.w / 2 - sx : 0;
      const dy = off(sy, a.y, a.h) ? a.y + a.h / 2 - sy : 0;
      if (dx || dy) set(translateBy(t, dx, dy), false);
    },
    reveal(box) {
      const a = area();
      const k = Math.max(t.k, 1.5);
      byUser = true;
      const x = a.x + a.w / 2 - (box.x + box.w / 2) * k;
      const y = a.y + a.h / 2 - (box.y + box.h / 2) * k;
      set({ x, y, k }, false);
    },
    destroy: gestures.destroy,
  };
}

/**
 * The user's gestures on `el`: the wheel zooms about the pointer, one pointer pans, two pinch
 * (zoom about their midpoint, pan with it). A press that moved more than CLICK_SLOP does not
 * click what it started on.
 */
function createGestures(
  el: SVGSVGElement,
  current: () => ZoomTransform,
  set: (t: ZoomTransform, gesture: boolean) => void,
): { destroy(): void } {
  const pointers = new Map<number, [number, number]>();
  let travelled = 0;
  const local = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = el.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  const down = (e: PointerEvent) => {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    if (pointers.size === 0) travelled = 0;
    pointers.set(e.pointerId, local(e));
  };
  const move = (e: PointerEvent) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    const p = local(e);
    if (pointers.size === 1) {
      travelled += Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]);
      if (travelled <= CLICK_SLOP) return;
      // Captured only once it is a pan: a captured press would click the svg, not the node under it.
      if (!el.hasPointerCapture(e.pointerId)) el.setPointerCapture(e.pointerId);
      pointers.set(e.pointerId, p);
      set(translateBy(current(), p[0] - last[0], p[1] - last[1]), true);
      return;
    }
    const other = [...pointers].find(([id]) => id !== e.pointerId)?.[1];
    pointers.set(e.pointerId, p);
    if (!other || pointers.size > 2) return;
    travelled = Number.POSITIVE_INFINITY;
    const before = Math.hypot(last[0] - other[0], last[1] - other[1]);
    const after = Math.hypot(p[0] - other[0], p[1] - other[1]);
    const m0: [number, number] = [(last[0] + other[0]) / 2, (last[1] + other[1]) / 2];
    const m1: [number, number] = [(p[0] + other[0]) / 2, (p[1] + other[1]) / 2];
    const panned = translateBy(current(), m1[0] - m0[0], m1[1] - m0[1]);
    set(before > 0 ? scaleAbout(panned, after / before, m1) : panned, true);
  };
  const up = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
  };
  const click = (e: MouseEvent) => {
    if (travelled <= CLICK_SLOP) return;
    e.stopPropagation();
    e.preventDefault();
  };
  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    set(scaleAbout(current(), wheelFactor(e), local(e)), true);
  };

  el.addEventListener("pointerdown", down);
  el.addEventListener("pointermove", move);
  el.addEventListener("pointerup", up);
  el.addEventListener("pointercancel", up);
  el.addEventListener("click", click, true);
  el.addEventListener("wheel", wheel, { passive: false });
  return {
    destroy() {
      el.removeEventListener("pointerdown", down);
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      el.removeEventListener("pointercancel", up);
      el.removeEventListener("click", click, true);
      el.removeEventListener("wheel", wheel);
    },
  };
}
