import { type RefObject, useEffect, useRef } from "react";
import { useAppStore } from "../../store";
import type { Selected } from "./drawStatic";
import { subscribeFlights } from "./flights";
import { layoutTopology } from "./layout";
import { moreServicesText } from "./moreText";
import { pointIds } from "./pointIds";
import { topologyText } from "./topologyText";
import { createTopologyView, type TopologyViewHandle } from "./topologyView";

/** One hop of playback at speed 1 (Playback's step), of which the dot spends this share moving. */
const HOP_MS = 900;
const MOVE_SHARE = 0.6;
/** Below this the diagram scales down instead of laying out narrower. */
const MIN_WORLD_WIDTH = 640;

function worldWidth(hostWidth: number): number {
  return hostWidth ? Math.max(MIN_WORLD_WIDTH, hostWidth) : 1200;
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
    const draw = () => {
      const v = get().view;
      if (!v) return;
      width = worldWidth(hostWidth);
      view.update(v, layoutTopology(v, width));
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
      if (Math.abs(worldWidth(hostWidth) - width) > 80) draw();
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
