/**
 * What moves on the diagram, one requestAnimationFrame loop for both: the selected packet's dot
 * easing from hop to hop, and a burst's sampled packets flying on the Canvas overlay (in the
 * view's current pan and zoom). With reduced motion the dot jumps and nothing flies.
 */
import type { G } from "./drawTypes";
import { type FlightLayer, MAX_FLIGHTS, type Transform } from "./flightsCanvas";
import type { HopPoint } from "./hopPosition";

export interface PacketMotion {
  /** Shows the dot for a hop in `direction` and moves it to `p`: eased over `ms` when `animate`, else at once. */
  moveTo(p: HopPoint, direction: string, animate: boolean, ms: number): void;
  /** Hides the dot (no packet selected). */
  hide(): void;
  /** Starts a burst's packets along their paths (asked for only if they will fly: not under reduced motion). */
  fly(paths: () => readonly HopPoint[][]): void;
  /** The view moved: the flying packets follow it. */
  viewMoved(): void;
  /** Reduced motion now (or not): a moving dot lands, flights end. */
  setReduced(reduced: boolean): void;
  reduced(): boolean;
  /** Ends the flights (a new burst or packet replaces them). */
  land(): void;
  destroy(): void;
}

interface Tween {
  from: HopPoint;
  to: HopPoint;
  start: number;
  dur: number;
}

/** `dot`: the packet's group in the diagram; `flights`: the overlay; `onFlights`: how many fly now. */
export function createPacketMotion(
  dot: G,
  flights: FlightLayer,
  view: () => Transform,
  onFlights: (n: number) => void,
  reducedAtStart: boolean,
): PacketMotion {
  let reduced = reducedAtStart;
  let dotAt: { x: number; y: number } | null = null;
  let tween: Tween | null = null;
  let flying = false;
  let raf = 0;

  function kick() {
    if (!raf) raf = requestAnimationFrame(tick);
  }

  function tick(now: number) {
    raf = 0;
    let more = false;
    if (tween) {
      const u = Math.min(1, (now - tween.start) / tween.dur);
      const e = u < 0.5 ? 2 * u * u : 1 - (-2 * u + 2) ** 2 / 2;
      place({
        x: tween.from.x + (tween.to.x - tween.from.x) * e,
        y: tween.from.y + (tween.to.y - tween.from.y) * e,
      });
      if (u < 1) more = true;
      else tween = null;
    }
    if (flying) {
      if (flights.draw(now, view()) > 0) more = true;
      else land();
    }
    if (more) kick();
  }

  function place(p: { x: number; y: number }) {
    dotAt = p;
    dot.attr("transform", `translate(${p.x},${p.y})`);
  }

  function land() {
    flying = false;
    flights.clear();
    onFlights(0);
  }

  return {
    moveTo(p, direction, animate, ms) {
      dot.style("display", null).attr("class", `topo-packet ${direction}`);
      if (animate && dotAt && !reduced) {
        tween = { from: { ...dotAt, kind: p.kind }, to: p, start: performance.now(), dur: ms };
        kick();
      } else {
        tween = null;
        place(p);
      }
    },
    hide() {
      dot.style("display", "none");
      tween = null;
      dotAt = null;
    },
    fly(paths) {
      if (reduced) {
        land();
        return;
      }
      const launched = paths();
      flights.launch(launched, performance.now());
      flying = true;
      onFlights(Math.min(launched.length, MAX_FLIGHTS));
      kick();
    },
    viewMoved() {
      if (flying) kick();
    },
    setReduced(r) {
      reduced = r;
      if (!r) return;
      if (tween) {
        place(tween.to);
        tween = null;
      }
      if (flying) land();
    },
    reduced: () => reduced,
    land,
    destroy() {
      if (raf) cancelAnimationFrame(raf);
    },
  };
}
