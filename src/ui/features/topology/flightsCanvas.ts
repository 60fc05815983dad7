/**
 * Many packets at once on a Canvas: each burst trace becomes a dot that
 * runs through its hop points and fades at the end. Dots of one colour are
 * filled in one path per frame, so 50 flights cost a handful of draw calls.
 */
import type { Trace } from "../../../engine/net/types";
import { type HopPoint, tracePoints } from "./hopPosition";
import type { TopologyLayout } from "./layout";

/** Flights drawn at once; later traces of a burst are left out. */
export const MAX_FLIGHTS = 50;
const SEGMENT_MS = 160;
const STAGGER_MS = 40;
const FADE_MS = 500;
const RADIUS = 4;

interface Flight {
  points: HopPoint[];
  reply: boolean[];
  start: number;
}

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export interface FlightLayer {
  /** Starts `traces` (at most MAX_FLIGHTS) at `now`. */
  launch(layout: TopologyLayout, traces: Trace[], now: number): void;
  /** Draws the frame at `now`; returns how many flights are still visible. */
  draw(now: number, t: Transform): number;
  resize(width: number, height: number): void;
  clear(): void;
}

export function createFlightLayer(
  canvas: HTMLCanvasElement,
  colors: () => { request: string; reply: string },
): FlightLayer {
  const ctx = canvas.getContext("2d");
  let flights: Flight[] = [];
  let palette = colors();
  let dpr = 1;

  const position = (
    f: Flight,
    now: number,
  ): { x: number; y: number; reply: boolean; alpha: number } | null => {
    const elapsed = now - f.start;
    if (elapsed < 0 || f.points.length === 0) return null;
    const segments = Math.max(f.points.length - 1, 0);
    const travel = segments * SEGMENT_MS;
    if (elapsed >= travel) {
      const last = f.points[f.points.length - 1]!;
      const alpha = 1 - (elapsed - travel) / FADE_MS;
      return alpha > 0 ? { x: last.x, y: last.y, reply: f.reply[f.points.length - 1]!, alpha } : null;
    }
    const i = Math.floor(elapsed / SEGMENT_MS);
    const u = (elapsed - i * SEGMENT_MS) / SEGMENT_MS;
    const a = f.points[i]!;
    const b = f.points[i + 1]!;
    return { x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u, reply: f.reply[i + 1]!, alpha: 1 };
  };

  return {
    launch(layout, traces, now) {
      palette = colors();
      const fresh = traces.slice(0, MAX_FLIGHTS).map((trace, i) => ({
        points: tracePoints(layout, trace.hops),
        reply: trace.hops.map((h) => h.direction === "reply"),
        start: now + i * STAGGER_MS,
      }));
      flights = [...flights, ...fresh].slice(-MAX_FLIGHTS);
    },
    draw(now, t) {
      if (!ctx) return 0;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
      let alive = 0;
      const fading: { x: number; y: number; reply: boolean; alpha: number }[] = [];
      for (const reply of [false, true]) {
        ctx.beginPath();
        for (const f of flights) {
          const p = position(f, now);
          if (!p || p.reply !== reply) continue;
          if (p.alpha < 1) {
            fading.push(p);
            continue;
          }
          ctx.moveTo(p.x + RADIUS, p.y);
          ctx.arc(p.x, p.y, RADIUS, 0, Math.PI * 2);
        }
        ctx.fillStyle = reply ? palette.reply : palette.request;
        ctx.fill();
      }
      for (const p of fading) {
        ctx.globalAlpha = p.alpha;
        ctx.fillStyle = p.reply ? palette.reply : palette.request;
        ctx.beginPath();
        ctx.arc(p.x, p.y, RADIUS, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      flights = flights.filter((f) => {
        const done = now - f.start > Math.max(f.points.length - 1, 0) * SEGMENT_MS + FADE_MS;
        if (!done) alive++;
        return !done;
      });
      return alive;
    },
    resize(width, height) {
      dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    },
    clear() {
      flights = [];
      ctx?.setTransform(1, 0, 0, 1, 0, 0);
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
