import { type RefObject, useEffect, useRef } from "react";
import { useAppStore } from "../../store";
import type { Selected } from "./drawStatic";
import { subscribeFlights } from "./flights";
import { pointIds } from "./pointIds";
import { topologyText } from "./topologyText";
import { createTopologyView, type TopologyViewHandle } from "./topologyView";

/** One hop of playback at speed 1 (Playback's step), of which the dot spends this share moving. */
const HOP_MS = 900;
const MOVE_SHARE = 0.6;

/**
 * Creates the d3 view once in `host` and feeds it from the store by
 * subscription (transient updates: no React render per trace step).
 */
export function useTopologyView(
  host: RefObject<HTMLDivElement | null>,
  onSelect: (s: Selected) => void,
  onPartial: (partial: boolean) => void,
): RefObject<TopologyViewHandle | null> {
  const handle = useRef<TopologyViewHandle | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const partial = useRef(onPartial);
  partial.current = onPartial;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const get = useAppStore.getState;
    const view = createTopologyView(el, {
      hopDuration: () => (HOP_MS * MOVE_SHARE) / (get().speed || 1),
      text: () => topologyText(get().language),
      onSelect: (s) => select.current(s),
      onPartial: (p) => partial.current(p),
    });
    handle.current = view;
    const first = get().view;
    if (first) view.update(first);
    view.showTrace(get().trace, get().hop);
    view.point(pointIds(get().pointAt));
    // A new view is drawn in tasks of its own: not on top of the message that brought it and
    // the React render it causes (together, a long task on a big cluster); its nodes and pods are
    // sorted for layout in one task, laid out in the next.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const drawSoon = () => {
      pending ??= setTimeout(() => {
        const v = get().view;
        if (v) view.prepare(v);
        pending = setTimeout(() => {
          pending = undefined;
          const now = get().view;
          if (now) view.update(now);
        }, 0);
      }, 0);
    };
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.view !== prev.view) drawSoon();
      if (s.language !== prev.language || s.catalogs !== prev.catalogs) view.relabel();
      if (s.trace !== prev.trace || s.hop !== prev.hop) view.showTrace(s.trace, s.hop);
      if (s.pointAt !== prev.pointAt) view.point(pointIds(s.pointAt));
    });
    const unsubscribeFlights = subscribeFlights((traces, tally) => view.animateFlights(traces, tally));
    return () => {
      clearTimeout(pending);
      unsubscribe();
      unsubscribeFlights();
      view.destroy();
      handle.current = null;
    };
  }, [host]);

  return handle;
}
