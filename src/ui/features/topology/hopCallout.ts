/**
 * The callout at the current hop: an HTML box over the diagram, filled by callout.ts (its code
 * loads with the first trace, off the start-up path) and placed by calloutPlacement.ts's rule —
 * by its hop, clear of the hops around it and of the diagram's written areas, in the view's
 * current pan and zoom.
 */
import type { TraceHop } from "../../../engine/net/types";
import { calloutModule, loadCallout } from "./calloutLoader";
import { placeCallout } from "./calloutPlacement";
import type { HopPoint } from "./hopPosition";
import type { TopologyLayout } from "./layout";
import type { TopologyText } from "./topologyText";
import type { Viewport } from "./viewport";
import { writtenAreas } from "./writtenAreas";
import { apply } from "./zoomTransform";

/** What the callout is placed among: the trace's hop points, the current hop, the layout. */
export interface CalloutScene {
  points: readonly HopPoint[];
  hop: number;
  /** The hop shown now (a callout whose code arrives late is drawn only if it still is). */
  current: TraceHop | undefined;
  layout: TopologyLayout | null;
}

export interface HopCallout {
  /** Fills the callout for `h`, the scene's current hop, and places it. */
  show(h: TraceHop): void;
  hide(): void;
  /** Places it again (the view panned or zoomed). */
  place(): void;
  remove(): void;
}

/** `vp`: the view's pan, zoom and area, read when the callout is placed. */
export function createHopCallout(
  host: HTMLElement,
  vp: Pick<Viewport, "transform" | "area">,
  scene: () => CalloutScene,
  text: () => TopologyText,
): HopCallout {
  const el = document.createElement("div");
  el.hidden = true;
  host.appendChild(el);
  let size = { w: 0, h: 0 };

  function place() {
    const { points, hop, layout } = scene();
    const p = points[hop];
    if (!p || el.hidden) return;
    const t = vp.transform();
    const [x, y] = apply(t, [p.x, p.y]);
    const a = vp.area();
    // The hops around this one stay visible where there is a choice.
    const near = points.slice(Math.max(0, hop - 2), hop + 3).map((q) => {
      const [qx, qy] = apply(t, [q.x, q.y]);
      return { x: qx, y: qy };
    });
    const bounds = { x: a.x + 8, y: a.y + 8, w: a.w - 16, h: a.h - 16 };
    const written = (layout ? writtenAreas(layout) : []).map((r) => {
      const [rx, ry] = apply(t, [r.x, r.y]);
      return { x: rx, y: ry, w: r.w * t.k, h: r.h * t.k };
    });
    const at = placeCallout({ x, y }, size, bounds, near, written);
    el.style.transform = `translate(${at.x}px, ${at.y}px)`;
  }

  function show(h: TraceHop) {
    const m = calloutModule();
    if (!m) {
      el.hidden = true;
      void loadCallout().then(() => {
        if (scene().current === h) show(h);
      });
      return;
    }
    el.hidden = false;
    m.renderCallout(el, h, scene().hop, text());
    // Measured once per hop (its text changed); panning reuses the size.
    size = { w: el.offsetWidth, h: el.offsetHeight };
    place();
  }

  return {
    show,
    hide() {
      el.hidden = true;
    },
    place,
    remove() {
      el.remove();
    },
  };
}
