/**
 * A tiny pub/sub between whoever sends a burst and the topology view, so
 * many packets can fly at once without passing through React or the store.
 */
import type { BurstResult } from "../../../engine/net/burst";
import type { Trace } from "../../../engine/net/types";

type Listener = (traces: Trace[], tally: BurstResult) => void;

const listeners = new Set<Listener>();

/**
 * Hands a burst to the diagram: a sample of its connections' traces to animate (at most 50 fly at
 * once) and the engine's tally of every connection, which the flows count.
 */
export function publishFlights(traces: Trace[], tally: BurstResult): void {
  for (const fn of listeners) fn(traces, tally);
}

/** Listens for bursts; returns the unsubscribe function. */
export function subscribeFlights(fn: Listener): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}
