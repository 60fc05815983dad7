/**
 * Predict-then-observe: the choices a student picks from and the answer,
 * both read from the engine's view and Trace — never written in the lesson.
 */
import type { HopPlace, Trace, TraceVerdict } from "../engine/net/types";
import type { TopologyView } from "../engine/view/topology";
import { serviceForTarget } from "./targets";
import type { PredictKind } from "./types";

/** Where a chain choice happened: its stage and its place, for the UI to say in the student's language. */
export interface ChoiceWhere {
  stage: string;
  place: HopPlace;
}

export interface Prediction {
  kind: PredictKind;
  /** Values to choose from: pod names (backend), node names (node), stages (chain) or verdicts. */
  choices: string[];
  /** What the engine did. */
  answer: string;
  /** For `chain`: each choice's stage and place. */
  where?: Record<string, ChoiceWhere>;
}

/** Every verdict a Trace can carry, in the order the choices show them. */
export const VERDICTS: readonly TraceVerdict[] = ["delivered", "rejected", "dropped", "timeout", "nxdomain"];

/** The value a backend or node choice takes when no pod answers. */
export const NO_BACKEND = "-";

/**
 * `view` is the cluster as it was when the packet was sent: the Service's
 * endpoints (ready or not) are the backend choices, its nodes the node choices.
 */
export function buildPrediction(kind: PredictKind, trace: Trace, view: TopologyView | null): Prediction {
  if (kind === "verdict") return { kind, choices: [...VERDICTS], answer: trace.verdict };
  if (kind === "chain") return chainPrediction(trace);
  if (kind === "node") {
    const answer = trace.backend?.node ?? NO_BACKEND;
    return { kind, choices: unique([...(view?.nodes ?? []).map((n) => n.name), answer, NO_BACKEND]), answer };
  }
  const service = serviceForTarget(trace.target, view);
  const pods = (service?.endpoints ?? []).map((e) => e.pod?.split("/")[1] ?? e.ip);
  const answer = trace.backend?.pod ?? NO_BACKEND;
  const choices = unique([...pods, answer, NO_BACKEND]);
  return { kind, choices, answer };
}

function placeKey(p: HopPlace): string {
  if (p.external) return "outside";
  if (p.pod) return `pod:${p.namespace ?? "default"}/${p.pod}`;
  return `node:${p.node ?? ""}`;
}

/**
 * Where the request's destination was rewritten (DNAT, IPVS), or its last
 * rule-walking stage when nothing rewrote it. The choices are the stages
 * that walk rules (netfilter chains, IPVS), each once per place: the same
 * chain on two nodes is two choices.
 */
/** Stages that only move a packet along (a route lookup, the wire, a socket): never where it is rewritten. */
const PASSING = new Set(["send", "route", "wire", "socket", "deliver", "conntrack"]);

function chainPrediction(trace: Trace): Prediction {
  const request = trace.hops.filter((h) => h.direction === "request" && !PASSING.has(h.stage));
  const where: Record<string, ChoiceWhere> = {};
  const choiceOf = (h: (typeof request)[number]) => {
    const value = `${h.stage} @ ${placeKey(h.place)}`;
    where[value] = { stage: h.stage, place: h.place };
    return value;
  };
  const choices = unique(request.map(choiceOf));
  const rewriting = request.find((h) => h.rewrite?.field === "dst") ?? request[request.length - 1];
  const answer = rewriting ? choiceOf(rewriting) : trace.verdict;
  return { kind: "chain", choices: unique([...choices, answer]), answer, where };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
