/**
 * The user's motion preference, followed live: the operating system's "reduce motion" setting can
 * change while the page is open, and everything that moves asks here each time it would.
 */
const QUERY = "(prefers-reduced-motion: reduce)";

function list(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia(QUERY)
    : null;
}

/** Whether motion should be reduced now. */
export function prefersReducedMotion(): boolean {
  return list()?.matches ?? false;
}

/** Calls `fn` with the new preference whenever it changes; returns the unsubscribe function. */
export function onReducedMotionChange(fn: (reduced: boolean) => void): () => void {
  const l = list();
  if (!l) return () => {};
  const listener = (e: MediaQueryListEvent) => fn(e.matches);
  l.addEventListener("change", listener);
  return () => l.removeEventListener("change", listener);
}
