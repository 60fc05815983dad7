import { type RefObject, useCallback, useEffect, useState } from "react";
import { whenBooted } from "../share/bootGate";

/** Runs `run` when the browser is idle after painting the next frame; returns how to call it off. */
function afterPaintWhenIdle(run: () => void): () => void {
  let cancel = () => {};
  const frame = requestAnimationFrame(() => {
    cancel = whenIdle(run);
  });
  return () => {
    cancelAnimationFrame(frame);
    cancel();
  };
}

/** Runs `run` when the browser is next idle; returns how to call it off. */
function whenIdle(run: () => void): () => void {
  // Safari has no requestIdleCallback: a second after the first cluster stands in for it.
  if (typeof window.requestIdleCallback !== "function") {
    const id = setTimeout(run, 1000);
    return () => clearTimeout(id);
  }
  const id = window.requestIdleCallback(run, { timeout: 4000 });
  return () => window.cancelIdleCallback(id);
}

/**
 * Whether to load Monaco: once the editor's region is on screen, the first cluster is up and the
 * browser is idle (the engine's first view and the diagram come first), or at once when the user
 * reaches for it. Monaco is ~850 KB gzipped and a long task to evaluate; a visit that never shows
 * the editor (a phone on the diagram tab, presentation mode) never pays for it.
 */
export function useMonacoWhenShown(region: RefObject<HTMLElement | null>): {
  wanted: boolean;
  want: () => void;
} {
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => setWanted(true), []);

  useEffect(() => {
    const el = region.current;
    if (wanted || !el) return;
    let seen = false;
    let cancelled = false;
    let cancelIdle = () => {};
    const observer = new IntersectionObserver((entries) => {
      if (seen || !entries.some((e) => e.isIntersecting)) return;
      seen = true;
      // Seen once is enough: an observer left watching costs the page a full frame whenever anything moves.
      observer.disconnect();
      void whenBooted().then(() => {
        if (!cancelled) cancelIdle = afterPaintWhenIdle(() => setWanted(true));
      });
    });
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
      cancelIdle();
    };
  }, [region, wanted]);

  return { wanted, want };
}
