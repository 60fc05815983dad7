/**
 * A trace's phases — the DNS lookup, the request, the reply, and the
 * conntrack hops among them — each shown or folded. Stepping moves through
 * the hops shown; the list folds each run of hidden hops into one row.
 */
import type { Trace, TraceHop } from "../../../engine/net/types";
import { TRACE_PHASES, type TracePhase } from "../../../lessons/types";

export const PHASES = TRACE_PHASES;
export type Phase = TracePhase;

/** Which phases are shown; a phase left out is folded. */
export type PhaseFilter = Readonly<Record<Phase, boolean>>;

export const ALL_PHASES: PhaseFilter = { dns: true, request: true, reply: true, conntrack: true };

/** A filter with `folded` phases folded and the rest shown. */
export function filterFolding(folded: readonly Phase[]): PhaseFilter {
  return {
    dns: !folded.includes("dns"),
    request: !folded.includes("request"),
    reply: !folded.includes("reply"),
    conntrack: !folded.includes("conntrack"),
  };
}

/** A conntrack hop belongs to the conntrack phase whichever way it travels. */
export function phaseOf(h: Pick<TraceHop, "kind" | "direction">): Phase {
  return h.kind === "conntrack" ? "conntrack" : h.direction;
}

export function isShown(trace: Trace, filter: PhaseFilter, i: number): boolean {
  const h = trace.hops[i];
  return h !== undefined && filter[phaseOf(h)];
}

/** The next hop shown after `from` (or `from` itself when none is). */
export function nextShown(trace: Trace, filter: PhaseFilter, from: number): number {
  for (let i = from + 1; i < trace.hops.length; i++) if (isShown(trace, filter, i)) return i;
  return from;
}

/** The hop shown before `from` (or `from` itself when none is). */
export function previousShown(trace: Trace, filter: PhaseFilter, from: number): number {
  for (let i = from - 1; i >= 0; i--) if (isShown(trace, filter, i)) return i;
  return from;
}

/** `hop` if it is shown, else the nearest hop shown after it, else before it (-1: nothing shown). */
export function nearestShown(trace: Trace, filter: PhaseFilter, hop: number): number {
  if (isShown(trace, filter, hop)) return hop;
  const next = nextShown(trace, filter, hop);
  if (next !== hop) return next;
  const prev = previousShown(trace, filter, hop);
  return prev !== hop ? prev : -1;
}

/** The first hop shown (-1: none). */
export function firstShown(trace: Trace, filter: PhaseFilter): number {
  return nearestShown(trace, filter, 0);
}

/** The last hop shown (-1: none). */
export function lastShown(trace: Trace, filter: PhaseFilter): number {
  return nearestShown(trace, filter, trace.hops.length - 1);
}

/** A row of the hop list: one hop, or a run of folded hops of one phase. */
export type TraceRow =
  | { k: "hop"; index: number }
  | { k: "folded"; phase: Phase; from: number; count: number };

export function traceRows(trace: Trace, filter: PhaseFilter): TraceRow[] {
  const rows: TraceRow[] = [];
  trace.hops.forEach((h, index) => {
    const phase = phaseOf(h);
    if (filter[phase]) {
      rows.push({ k: "hop", index });
      return;
    }
    const last = rows[rows.length - 1];
    if (last?.k === "folded" && last.phase === phase && last.from + last.count === index) last.count++;
    else rows.push({ k: "folded", phase, from: index, count: 1 });
  });
  return rows;
}

/** The phases a trace has, in order of first appearance (only those get a toggle). */
export function phasesIn(trace: Trace): Phase[] {
  const seen = new Set(trace.hops.map(phaseOf));
  return PHASES.filter((p) => seen.has(p));
}
