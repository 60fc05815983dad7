/**
 * A burst's packets on a Canvas: each connection is a dot running along its flow's path and
 * fading where it lands, started one after another so they stream rather than clump. Dots are
 * filled in one path per frame, so 50 flights cost a handful of draw calls.
 */
import type { HopPoint } from "./hopPosition";

/** Flights drawn at once; later connections of a burst are left out (the flows still count them). */
export const MAX_FLIGHTS = 50;
const SEGMENT_MS = 160;
const STAGGER_MS = 60;
const FADE_MS = 500;
const RADIUS = 4.5;

interface Flight {
  points: HopPoint[];
  start: number;
}

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export interface FlightLayer {
  /** Starts one flight per path (at most MAX_FLIGHTS) at `now`. */
  launch(paths: readonly HopPoint[][], now: number): void;
  /** Draws the frame at `now`; returns how many flights are still visible. */
  draw(now: number, t: Transform): number;
  resize(width: number, height: number): void;
  clear(): void;
}

export function createFlightLayer(canvas: HTMLCanvasElement, color: () => string): FlightLayer {
  const ctx = canvas.getContext("2d");
  let flights: Flight[] = [];
  let fill = color();
  let dpr = 1;

  const position = (f: Flight, now: number): { x: number; y: number; alpha: number } | null => {
    const elapsed = now - f.start;
    if (elapsed < 0 || f.points.length === 0) return null;
    const travel = Math.max(f.points.length - 1, 0) * SEGMENT_MS;
    if (elapsed >= travel) {
      const last = f.points[f.points.length - 1]!;
      const alpha = 1 - (elapsed - travel) / FADE_MS;
      return alpha > 0 ? { x: last.x, y: last.y, alpha } : null;
    }
    const i = Math.floor(elapsed / SEGMENT_MS);
    const u = (elapsed - i * SEGMENT_MS) / SEGMENT_MS;
    const a = f.points[i]!;
    const b = f.points[i + 1]!;
    return { x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u, alpha: 1 };
  };

  return {
    launch(paths, now) {
      fill = color();
      const fresh = paths.slice(0, MAX_FLIGHTS).map((points, i) => ({ points, start: now + i * STAGGER_MS }));
      flights = [...flights, ...fresh].slice(-MAX_FLIGHTS);
    },
    draw(now, t) {
      if (!ctx) return 0;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
      ctx.fillStyle = fill;
      const fading: { x: number; y: number; alpha: number }[] = [];
      ctx.beginPath();
      for (const f of flights) {
        const p = position(f, now);
        if (!p) continue;
        if (p.alpha < 1) {
          fading.push(p);
          continue;
        }
        ctx.moveTo(p.x + RADIUS, p.y);
        ctx.arc(p.x, p.y, RADIUS, 0, Math.PI * 2);
      }
      ctx.fill();
      for (const p of fading) {
        ctx.globalAlpha = p.alpha;
        ctx.beginPath();
        ctx.arc(p.x, p.y, RADIUS, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      let alive = 0;
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
