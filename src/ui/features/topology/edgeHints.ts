/**
 * The view's cue that some of the cluster is outside it: a shade along each panel edge beyond
 * which part of the layout lies (the host's `data-beyond`), and a callback when that turns on or off.
 */
import { edgesBeyond } from "./frame";
import type { Box } from "./layout";
import type { ZoomTransform } from "./zoomTransform";

export interface EdgeHints {
  show(area: Box, size: { width: number; height: number }, t: ZoomTransform): void;
  remove(): void;
}

export function createEdgeHints(host: HTMLElement, onPartial: (partial: boolean) => void): EdgeHints {
  const el = document.createElement("div");
  el.className = "topo-edges";
  el.setAttribute("aria-hidden", "true");
  host.appendChild(el);
  let partial = false;
  return {
    show(area, size, t) {
      if (!area.w || !area.h) return;
      const beyond = edgesBeyond(area, size, t);
      const sides = (["top", "right", "bottom", "left"] as const).filter((s) => beyond[s]);
      host.dataset.beyond = sides.join(" ");
      el.style.top = `${area.y}px`;
      el.style.height = `${area.h}px`;
      if (partial !== sides.length > 0) {
        partial = sides.length > 0;
        onPartial(partial);
      }
    },
    remove() {
      el.remove();
    },
  };
}
