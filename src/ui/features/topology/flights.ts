/**
 * A tiny pub/sub between whoever sends a burst and the topology view, so
 * many packets can fly at once without passing through React or the store.
 */
import type { Trace } from "../../../engine/net/types";

type Listener = (traces: Trace[]) => void;

const listeners = new Set<Listener>();

/** Hands a burst's traces to the diagram to animate (it draws at most 50 at once). */
export function publishFlights(traces: Trace[]): void {
  for (const fn of listeners) fn(traces);
}

/** Listens for bursts; returns the unsubscribe function. */
export function subscribeFlights(fn: Listener): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}
