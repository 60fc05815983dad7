/**
 * What containers wrote to stdout and stderr, as the container runtime keeps
 * it for `kubectl logs`: one bounded ring per container, every line with the
 * instant the runtime received it (nanosecond precision, as CRI log files
 * record it).
 */
import { fnv1a } from "../util/fnv";

/** The lines kept per container; older ones are dropped, as log rotation drops old files. */
export const LOG_RING_LINES = 1000;

/** The containers whose logs are kept; the one whose log was started longest ago goes first. */
export const LOG_CONTAINERS = 2000;

/** One line a container wrote (without its newline). */
export interface LogLine {
  stream: "stdout" | "stderr";
  text: string;
}

/** A line as the runtime recorded it: when (ms since the epoch, then ns within that ms) and what. */
export interface LogEntry extends LogLine {
  ms: number;
  ns: number;
}

interface Ring {
  entries: LogEntry[];
  /** Lines ever written, so a reader knows whether the ring dropped the oldest. */
  written: number;
  /** Connections the container's server accepted. */
  connections: number;
}

/** Where a container's log lives: its pod's UID (a recreated pod starts empty) and its name. */
export function logKey(podUid: string, container: string): string {
  return `${podUid}/${container}`;
}

/**
 * Every container's log. Deterministic: the nanoseconds within a virtual
 * millisecond come from a hash of the container and the line's sequence
 * number, increasing within a millisecond.
 */
export class ContainerLogs {
  private readonly rings = new Map<string, Ring>();

  /** Appends lines written at `ms` (virtual time). */
  write(key: string, ms: number, lines: readonly LogLine[]): void {
    const ring = this.ring(key);
    for (const line of lines) {
      const last = ring.entries[ring.entries.length - 1];
      const jitter = fnv1a(`${key}#${ring.written}`) % 1000;
      const ns =
        last && last.ms >= ms
          ? Math.min(999_999, last.ns + 1 + jitter)
          : (fnv1a(`${key}@${ring.written}`) % 900_000) + jitter;
      ring.entries.push({ ...line, ms: last && last.ms > ms ? last.ms : ms, ns });
      ring.written++;
      if (ring.entries.length > LOG_RING_LINES) ring.entries.shift();
    }
  }

  /** A container's kept lines, oldest first. */
  read(key: string): readonly LogEntry[] {
    return this.rings.get(key)?.entries ?? [];
  }

  /** Lines ever written by a container (more than `read` returns once the ring is full). */
  written(key: string): number {
    return this.rings.get(key)?.written ?? 0;
  }

  /** Counts a connection the container's server accepted; returns its number, from 1. */
  nextConnection(key: string): number {
    return ++this.ring(key).connections;
  }

  private ring(key: string): Ring {
    let ring = this.rings.get(key);
    if (!ring) {
      ring = { entries: [], written: 0, connections: 0 };
      this.rings.set(key, ring);
      // NOTE: the runtime removes a pod's logs with the pod; here the oldest log goes once too many are kept.
      if (this.rings.size > LOG_CONTAINERS) this.rings.delete(this.rings.keys().next().value as string);
    }
    return ring;
  }
}

/** Go's `time.RFC3339Nano` in UTC: trailing zeros of the fraction dropped, as kubelet's `--timestamps` prints. */
export function rfc3339Nano(ms: number, ns: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = `${iso.slice(20, 23)}${String(ns).padStart(6, "0")}`.replace(/0+$/, "");
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ""}Z`;
}
