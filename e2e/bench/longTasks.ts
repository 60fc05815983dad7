/** Main-thread long tasks and frame gaps, watched from before the page's first script. */
import type { Page } from "@playwright/test";

export interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    /** Every main-thread task over 50 ms since the page started. */
    __longTasks?: LongTask[];
    /** The largest contentful paint's time, once the browser reports it. */
    __lcp?: number;
  }
}

/** Installs the observers before any page script runs. */
export async function watchMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) window.__lcp = last.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
}

/** Waits until no long task has ended for `quietMs`: the page has settled. */
export async function settle(page: Page, quietMs = 2000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const last = window.__longTasks!.at(-1);
      return !last || performance.now() - (last.start + last.duration) > quiet;
    },
    quietMs,
    { timeout: 120_000, polling: 250 },
  );
}

export async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The long tasks that started between `from` and `to`, summed up. */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<string> {
  const tasks = await page.evaluate(
    ([a, b]) => window.__longTasks!.filter((t) => t.start >= a! && t.start <= b!),
    [from, to],
  );
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const total = tasks.reduce((m, t) => m + t.duration, 0);
  return `${tasks.length} long tasks (longest ${longest.toFixed(0)} ms, ${total.toFixed(0)} ms in all)`;
}

/** Frame-to-frame times for `ms` milliseconds of requestAnimationFrame. */
export async function frameTimes(page: Page, ms: number): Promise<string> {
  const s = await page.evaluate(async (span) => {
    const deltas: number[] = [];
    let last = 0;
    const until = performance.now() + span;
    await new Promise<void>((done) => {
      const frame = (t: number) => {
        if (last) deltas.push(t - last);
        last = t;
        if (t < until) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { frames: deltas.length, p50: at(0.5), p95: at(0.95), max: at(1) };
  }, ms);
  return `${s.frames} frames, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
}

/**
 * Starts timing the gaps between animation frames; the returned function stops and says the
 * longest. A gap is a task and the frame's rendering after it: what a long task alone undercounts.
 */
export async function watchFrameGaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const watch = { max: 0, running: true };
    (window as { __frameGap?: typeof watch }).__frameGap = watch;
    let last = performance.now();
    const tick = (t: number) => {
      watch.max = Math.max(watch.max, t - last);
      last = t;
      if (watch.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const watch = (window as { __frameGap?: { max: number; running: boolean } }).__frameGap!;
      watch.running = false;
      return watch.max;
    });
}

/** Prints one figure of the benchmark, in a form easy to grep and paste. */
export function report(name: string, figure: string): void {
  console.log(`bench:web | ${name} | ${figure}`);
}
