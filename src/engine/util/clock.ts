/**
 * Virtual time. AGE columns, conntrack and session-affinity timeouts read it;
 * only the simulation (a `sleep`, the UI's clock control) advances it.
 */
export class VirtualClock {
  private ms: number;

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
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  }
}

/** The clock's default start: a fixed instant, so fresh simulations agree. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
