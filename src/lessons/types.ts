/**
 * The lesson format: data a teacher can copy and edit (see README.md).
 * Lessons never compute networking: every answer comes from the engine.
 */
import type { IpvsScheduler, ProxyMode } from "../engine/api/configTypes";

/** A text in both UI languages. */
export interface Localized {
  en: string;
  ko: string;
}

/** Where a packet starts: `pod:NAMESPACE/NAME`, `node:NAME` or `external`. */
export type LessonSource = string;

/**
 * Where it goes: a Service name, `name:port`, `IP:port`, or
 * `node:NAME:PORT` (the node's InternalIP, resolved from the view when the step runs).
 */
export type LessonTarget = string;

export interface LessonSend {
  from: LessonSource;
  to: LessonTarget;
}

export interface LessonBurst extends LessonSend {
  count: number;
}

/** What the diagram should point at while the step is shown. */
export interface LessonPoint {
  service?: string;
  pod?: string;
  node?: string;
}

/** A trace's phases: the DNS lookup, the request, the reply, and the conntrack hops among them. */
export const TRACE_PHASES = ["dns", "request", "reply", "conntrack"] as const;
export type TracePhase = (typeof TRACE_PHASES)[number];

export const PREDICT_KINDS = ["backend", "chain", "verdict"] as const;
/** backend: which pod answers; chain: where the destination is rewritten; verdict: delivered or not. */
export type PredictKind = (typeof PREDICT_KINDS)[number];

export interface LessonPredict {
  question: Localized;
  kind: PredictKind;
}

/** A readiness probe's verdict, as the kubelet would report it. */
export interface LessonSetReady {
  pod: string;
  namespace?: string;
  ready: boolean;
}

export interface LessonStep {
  id: string;
  title: Localized;
  /** Paragraphs separated by blank lines; `code` in backticks. Rendered as text, never HTML. */
  narration: Localized;
  /** YAML applied to the cluster for this step. */
  manifests?: string;
  /** Or an example from src/examples by name, e.g. `01-clusterip`. */
  example?: string;
  proxyMode?: ProxyMode;
  scheduler?: IpvsScheduler;
  setReady?: LessonSetReady;
  /** Terminal lines, run in order. */
  commands: string[];
  send?: LessonSend;
  burst?: LessonBurst;
  point?: LessonPoint;
  /** Asked before `send` is shown; needs `send`. */
  predict?: LessonPredict;
  /** The trace's phases folded while the step is shown (stepping skips them); none: all shown. */
  fold?: TracePhase[];
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  steps: LessonStep[];
}
