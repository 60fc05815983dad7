/**
 * A burst as flows: its connections grouped by the backend that answered, each group drawn once
 * along the request path of one of its connections, with how many connections it carried (the
 * engine's tally of all of them; the traces are a sample). Pure.
 */
import type { BurstResult } from "../../../engine/net/burst";
import type { Trace } from "../../../engine/net/types";
import { type HopPoint, tracePoints } from "./hopPosition";
import type { TopologyLayout } from "./layout";

export interface Flow {
  /** The backend pod (`namespace/name`), or null for connections that reached none. */
  backend: string | null;
  count: number;
  /** The request's hops, from the source to the backend (or to where it stopped). */
  points: HopPoint[];
  /** Where the count is written: the backend pod's top-right corner, or where failed connections began. */
  anchor: { x: number; y: number };
}

/** The request leg of a trace: DNS lookups and the reply are not part of the flow. */
export function requestHops(trace: Trace) {
  return trace.hops.filter((h) => h.direction === "request");
}

/** Flows by backend, the busiest first; failed connections last. */
export function burstFlows(
  layout: TopologyLayout,
  traces: readonly Trace[],
  tally: Pick<BurstResult, "received" | "failed">,
): Flow[] {
  const sample = new Map<string | null, Trace>();
  for (const t of traces) {
    const key = t.backend ? `${t.backend.namespace}/${t.backend.pod}` : null;
    if (!sample.has(key)) sample.set(key, t);
  }
  const anyDelivered = traces.find((t) => t.backend);
  const flows: Flow[] = tally.received.map((r) => {
    const points = pathTo(layout, r.pod, sample.get(r.pod) ?? anyDelivered);
    const pod = layout.pods[r.pod];
    const anchor = pod ? { x: pod.x + pod.w - 14, y: pod.y } : (points.at(-1) ?? { x: 0, y: 0 });
    return { backend: r.pod, count: r.count, points, anchor };
  });
  const failed = sample.get(null) ?? traces[0];
  if (tally.failed > 0 && failed) {
    const points = tracePoints(layout, requestHops(failed));
    flows.push({ backend: null, count: tally.failed, points, anchor: points[0] ?? { x: 0, y: 0 } });
  }
  return flows
    .filter((f) => f.points.length > 0)
    .sort((a, b) => Number(a.backend === null) - Number(b.backend === null) || b.count - a.count);
}

/**
 * The request path of `trace`, ending on `backend`'s pod: a backend no sampled connection reached
 * takes another connection's path up to its last stage, then goes to its own pod.
 */
function pathTo(layout: TopologyLayout, backend: string, trace: Trace | undefined): HopPoint[] {
  if (!trace) return [];
  const points = tracePoints(layout, requestHops(trace));
  const pod = layout.pods[backend];
  const reached = trace.backend && `${trace.backend.namespace}/${trace.backend.pod}` === backend;
  if (reached || !pod) return points;
  return [...points.slice(0, -1), { x: pod.x + pod.w / 2, y: pod.y + pod.h / 2, kind: "pod" }];
}
