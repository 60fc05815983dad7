/**
 * Virtual time. AGE columns, conntrack and session-affinity timeouts read it;
 * only the simulation (a `sleep`, the UI's clock control) advances it.
 */
export class VirtualClock {
  private ms: number;
  /** The instant `iso` formatted last, and its text: a burst of writes at one instant formats it once. */
  private isoMs = Number.NaN;
  private isoText = "";

  constructor(startMs: number) {
    this.ms = startMs;
  }

  /** Milliseconds since the Unix epoch, in simulated time. */
  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError("the clock only moves forward");
    this.ms += ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }

  /** RFC 3339 with second precision, as Kubernetes stores timestamps. */
  iso(ms = this.ms): string {
    if (ms !== this.isoMs) {
      this.isoText = new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
      this.isoMs = ms;
    }
    return this.isoText;
  }
}

/** The clock's default start: a fixed instant, so fresh simulations agree. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
