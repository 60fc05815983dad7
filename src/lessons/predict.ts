/**
 * Predict-then-observe: the choices a student picks from and the answer,
 * both read from the engine's view and Trace — never written in the lesson.
 */
import type { Trace, TraceVerdict } from "../engine/net/types";
import type { TopologyView } from "../engine/view/topology";
import { serviceForTarget } from "./targets";
import type { PredictKind } from "./types";

export interface Prediction {
  kind: PredictKind;
  /** Values to choose from: pod names (backend), stages (chain) or verdicts. */
  choices: string[];
  /** What the engine did. */
  answer: string;
}

/** Every verdict a Trace can carry, in the order the choices show them. */
export const VERDICTS: readonly TraceVerdict[] = ["delivered", "rejected", "dropped", "timeout", "nxdomain"];

/** The value a backend choice takes when no pod answers. */
export const NO_BACKEND = "-";

/**
 * `view` is the cluster as it was when the packet was sent: the Service's
 * endpoints (ready or not) are the backend choices.
 */
export function buildPrediction(kind: PredictKind, trace: Trace, view: TopologyView | null): Prediction {
  if (kind === "verdict") return { kind, choices: [...VERDICTS], answer: trace.verdict };
  if (kind === "chain") return chainPrediction(trace);
  const service = serviceForTarget(trace.target, view);
  const pods = (service?.endpoints ?? []).map((e) => e.pod?.split("/")[1] ?? e.ip);
  const answer = trace.backend?.pod ?? NO_BACKEND;
  const choices = unique([...pods, answer, NO_BACKEND]);
  return { kind, choices, answer };
}

/** Where the request's destination was rewritten (DNAT, IPVS), or its last stage when nothing rewrote it. */
function chainPrediction(trace: Trace): Prediction {
  const request = trace.hops.filter((h) => h.direction === "request");
  const stages = unique(request.map((h) => h.stage));
  const rewriting = request.find((h) => h.rewrite?.field === "dst");
  const answer = rewriting?.stage ?? request[request.length - 1]?.stage ?? trace.verdict;
  return { kind: "chain", choices: unique([...stages, answer]), answer };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
