/**
 * Runs a drawing's steps a frame's worth at a time. A big cluster's diagram is thousands of
 * elements: built in one task, it holds the page's thread (and the frame's style and layout of all
 * of them) for hundreds of milliseconds. Steps run while the frame's budget lasts (always at least
 * one), the rest at the next frames; a new drawing drops what is left of the one before.
 */

/** Frames and a clock: the browser's in the page, a fake one in tests. */
export interface FrameScheduler {
  request(run: () => void): number;
  cancel(handle: number): void;
  now(): number;
}

export interface DrawQueue {
  /**
   * Starts a drawing: runs `steps` in order, as many as fit in the budget now and the rest at the
   * next frames, then `done`. A drawing still running is dropped (its `done` never runs). With
   * `since` (the clock when the caller's task started its work), the budget now is what is left
   * of that task's: none left, and the drawing starts at the next frame.
   */
  run(steps: readonly (() => void)[], done: () => void, since?: number): void;
  /** Drops the drawing still running, if any. */
  cancel(): void;
  /** Whether a drawing has steps left. */
  pending(): boolean;
}

/** The browser's frames and clock. */
export const browserFrames: FrameScheduler = {
  request: (run) => requestAnimationFrame(() => run()),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/** `budgetMs`: how long a frame's steps may run together (the frame's style, layout and paint come on top). */
export function createDrawQueue(frames: FrameScheduler, budgetMs: number): DrawQueue {
  let steps: readonly (() => void)[] = [];
  let next = 0;
  let finish: (() => void) | null = null;
  let handle = 0;
  let waiting = false;

  function drop() {
    if (waiting) frames.cancel(handle);
    waiting = false;
    steps = [];
    next = 0;
    finish = null;
  }

  /** Runs steps from `start` while the budget lasts: at least one at a frame, maybe none in the caller's task. */
  function slice(start = frames.now(), atLeastOne = true) {
    waiting = false;
    const drawing = steps;
    if (atLeastOne || frames.now() - start < budgetMs)
      do {
        drawing[next++]!();
        // A step may start a new drawing (or drop this one): that one goes on by itself.
        if (steps !== drawing) return;
      } while (next < steps.length && frames.now() - start < budgetMs);
    if (next < steps.length) {
      waiting = true;
      handle = frames.request(() => slice());
      return;
    }
    const done = finish;
    drop();
    done?.();
  }

  return {
    run(nextSteps, done, since) {
      drop();
      steps = nextSteps;
      finish = done;
      if (steps.length === 0) {
        drop();
        done();
        return;
      }
      if (since === undefined) slice();
      else slice(since, false);
    },
    cancel: drop,
    pending: () => steps.length > 0,
  };
}
