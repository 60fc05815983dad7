import { type RefObject, useEffect, useRef } from "react";
import type { TopologyView } from "../../../engine/view/topology";
import { useAppStore } from "../../store";
import type { Selected } from "./drawStatic";
import { subscribeFlights } from "./flights";
import { layoutTopology, type TopologyLayout } from "./layout";
import { moreServicesText } from "./moreText";
import { pointIds } from "./pointIds";
import { topologyText } from "./topologyText";
import { createTopologyView, type TopologyViewHandle } from "./topologyView";

/** One hop of playback at speed 1 (Playback's step), of which the dot spends this share moving. */
const HOP_MS = 900;
const MOVE_SHARE = 0.6;
/** Below this the diagram scales down instead of laying out narrower. */
const MIN_WORLD_WIDTH = 640;

/**
 * The width the diagram is laid out at. A container may ask for larger type with the CSS
 * variable `--topo-scale` (presentation mode does, for a room): the layout is then made for a
 * narrower world, which the view zooms up to fill the container.
 */
function worldWidth(hostWidth: number, scale: number): number {
  return hostWidth ? Math.max(MIN_WORLD_WIDTH / scale, hostWidth / scale) : 1200;
}

/**
 * For a container that asks for larger type: of the layouts between its width / scale and its
 * width, the one whose type comes out largest once zoomed to fill the container (a narrow world
 * stacks the nodes higher, a wide one zooms less).
 */
const FIT_STEPS = 24;

function largestFit(v: TopologyView, w: number, h: number, scale: number): TopologyLayout | null {
  if (!w || !h) return null;
  let best: { layout: TopologyLayout; k: number } | null = null;
  for (let i = 0; i <= FIT_STEPS; i++) {
    const layout = layoutTopology(v, worldWidth(w, scale - ((scale - 1) * i) / FIT_STEPS));
    const k = Math.min(w / layout.width, h / layout.height, scale);
    if (!best || k > best.k) best = { layout, k };
  }
  return best?.layout ?? null;
}

function scaleOf(el: HTMLElement): number {
  const v = Number.parseFloat(getComputedStyle(el).getPropertyValue("--topo-scale"));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

/**
 * Creates the d3 view once in `host` and feeds it from the store by
 * subscription (transient updates: no React render per trace step).
 */
export function useTopologyView(
  host: RefObject<HTMLDivElement | null>,
  onSelect: (s: Selected) => void,
): RefObject<TopologyViewHandle | null> {
  const handle = useRef<TopologyViewHandle | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const get = useAppStore.getState;
    const view = createTopologyView(el, {
      hopDuration: () => (HOP_MS * MOVE_SHARE) / (get().speed || 1),
      text: () => topologyText(get().language),
      moreServices: (n) => moreServicesText(get().language, n),
      onSelect: (s) => select.current(s),
    });
    handle.current = view;
    let width = 0;
    // Read when the host resizes, never right after a store change: that read would force a layout.
    let hostWidth = el.clientWidth;
    let scale = scaleOf(el);
    const draw = () => {
      const v = get().view;
      if (!v) return;
      const layout = scale > 1 ? largestFit(v, hostWidth, el.clientHeight, scale) : null;
      width = layout?.width ?? worldWidth(hostWidth, scale);
      view.update(v, layout ?? layoutTopology(v, width));
    };
    draw();
    view.showTrace(get().trace, get().hop);
    view.point(pointIds(get().pointAt));
    // A new view is drawn in a task of its own: not on top of the message that brought it and
    // the React render it causes (together, a long task on a big cluster).
    let pending: ReturnType<typeof setTimeout> | undefined;
    const drawSoon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        draw();
      }, 0);
    };
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.view !== prev.view) drawSoon();
      if (s.trace !== prev.trace || s.hop !== prev.hop) view.showTrace(s.trace, s.hop);
      if (s.pointAt !== prev.pointAt) view.point(pointIds(s.pointAt));
    });
    const unsubscribeFlights = subscribeFlights((traces) => view.animateFlights(traces));
    const resize = new ResizeObserver(() => {
      hostWidth = el.clientWidth;
      scale = scaleOf(el);
      if (Math.abs(worldWidth(hostWidth, scale) - width) > 80 / scale) draw();
    });
    resize.observe(el);
    return () => {
      clearTimeout(pending);
      unsubscribe();
      unsubscribeFlights();
      resize.disconnect();
      view.destroy();
      handle.current = null;
    };
  }, [host]);

  return handle;
}
