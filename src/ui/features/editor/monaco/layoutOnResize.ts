import type { monaco } from "./setup";

/** The longest a resized editor waits for the page to be idle before it lays itself out. */
const LAYOUT_WAIT_MS = 300;

/**
 * Lays the editor out again when its host changes size, in a task of its own once the page is
 * idle (or after LAYOUT_WAIT_MS). Monaco's own `automaticLayout` does it inside the resize
 * observer's callback, in the frame that resized the host; in an animation frame it would share
 * that frame with the diagram's drawing. Laying out a dump's editor reads the page's layout and
 * renders its lines: tens of milliseconds a frame cannot spare. Until then the editor's lines are
 * clipped to the new size, which no one reads in the moment.
 */
export function layoutOnResize(editor: monaco.editor.IStandaloneCodeEditor, host: HTMLElement): () => void {
  let pending: (() => void) | null = null;
  let width = host.clientWidth;
  let height = host.clientHeight;
  const layout = () => {
    pending = null;
    const w = host.clientWidth;
    const h = host.clientHeight;
    if (w === width && h === height) return;
    width = w;
    height = h;
    editor.layout({ width: w, height: h });
  };
  const observer = new ResizeObserver(() => {
    pending ??= whenIdle(layout);
  });
  observer.observe(host);
  return () => {
    pending?.();
    observer.disconnect();
  };
}

/** Runs `run` once the page is idle; returns a function that cancels it. */
function whenIdle(run: () => void): () => void {
  // Safari has no requestIdleCallback: a task of its own, soon.
  if (typeof window.requestIdleCallback !== "function") {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const id = window.requestIdleCallback(run, { timeout: LAYOUT_WAIT_MS });
  return () => window.cancelIdleCallback(id);
}
