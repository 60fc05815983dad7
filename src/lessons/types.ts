/**
 * The lesson format: data a teacher can copy and edit (see README.md).
 * Lessons never compute networking: every answer comes from the engine.
 */
import type { IpvsScheduler, ProxyMode } from "../engine/api/configTypes";
import type { TraceVerdict } from "../engine/net/types";

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

export const PREDICT_KINDS = ["backend", "chain", "verdict", "node"] as const;
/**
 * backend: which pod answers; chain: where the destination is rewritten;
 * verdict: delivered or not; node: on which node the answering pod runs.
 */
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

/**
 * A terminal line the step runs. `fails`: the lesson shows a failure (a
 * non-zero exit is the point); `quiet`: run but not shown (a `sleep` that
 * moves the clock between two shown commands).
 */
export interface LessonCommand {
  run: string;
  fails: boolean;
  quiet: boolean;
}

/**
 * What a challenge asks for, checked on what the engine returns (see goals.ts):
 * the view model, a packet's trace, a command's output.
 */
export type LessonGoal =
  /** The Service has `count` ready endpoints. */
  | { endpoints: { service: string; namespace?: string; count: number } }
  /** A packet sent now ends with `verdict` (and, if given, reaches a pod whose name starts with `backend`). */
  | { packet: LessonSend & { verdict: TraceVerdict; backend?: string } }
  /** A packet to `port` on every node's InternalIP ends with `verdict`. */
  | { everyNode: { from: LessonSource; port: number; verdict: TraceVerdict } }
  /** A terminal line exits with `exitCode` (default 0) and its output matches `output` (a regular expression). */
  | { command: { run: string; output?: string; exitCode?: number } }
  /** kube-proxy runs in this mode. */
  | { mode: ProxyMode };

export interface LessonChallenge {
  /** Every goal must hold. */
  goals: LessonGoal[];
  /** Revealed one at a time. */
  hints: Localized[];
  /**
   * What solves it, done in this order: the terminal lines, the manifests
   * (applied from the editor), kube-proxy's mode. Used when a later step is
   * replayed, and by the tests.
   */
  solution: { commands?: string[]; manifests?: string; proxyMode?: ProxyMode };
}

export interface LessonStep {
  id: string;
  title: Localized;
  /** Paragraphs separated by blank lines; `code` in backticks. Rendered as text, never HTML. */
  narration: Localized;
  /** Terminal lines run first, not shown (`cd`, `sleep` to move the clock, `kubectl apply -f`). */
  setup: string[];
  /** A lesson file shown in the editor (as applied: the step applies it from the terminal). */
  show?: string;
  /** YAML applied to the cluster for this step (shown in the editor). */
  manifests?: string;
  /** Or an example from src/examples by name, e.g. `01-clusterip`. */
  example?: string;
  proxyMode?: ProxyMode;
  scheduler?: IpvsScheduler;
  setReady?: LessonSetReady;
  /** Terminal lines, run in order, shown. */
  commands: LessonCommand[];
  send?: LessonSend;
  burst?: LessonBurst;
  point?: LessonPoint;
  /** Asked before `send` is shown; needs `send`. */
  predict?: LessonPredict;
  /** The trace's phases folded while the step is shown (stepping skips them); none: all shown. */
  fold?: TracePhase[];
  /** The student changes the cluster until the goals hold. */
  challenge?: LessonChallenge;
}

/** The cluster a lesson runs on, when not the default one. */
export interface LessonCluster {
  seed: number;
  /** The virtual clock's start, ms since the epoch. */
  startTime?: number;
  /** Lesson files applied to the fresh cluster first (cluster configuration, Nodes). */
  apply: string[];
  /** Files put in the node shell's home: path there → lesson file. */
  files: Record<string, string>;
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  cluster: LessonCluster;
  steps: LessonStep[];
}
