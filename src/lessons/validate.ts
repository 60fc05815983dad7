/**
 * Checks a parsed lesson file and turns it into a typed Lesson, or lists
 * everything wrong with it (path: problem), so a teacher can fix the file.
 */
import { IPVS_SCHEDULERS, PROXY_MODES } from "../engine/api/configTypes";
import type { Lesson, LessonCluster, LessonStep, Localized } from "./types";
import { TRACE_PHASES } from "./types";
import { challengeField } from "./validateChallenge";
import {
  burstField,
  commands,
  type Err,
  idField,
  isObj,
  lines,
  localized,
  oneOf,
  pointField,
  predictField,
  readiness,
  sendField,
  unknownKeys,
} from "./validateFields";

export type ValidationResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** What the files a lesson refers to are checked against. */
export interface KnownNames {
  /** Example names under src/examples, for `example:`. */
  examples?: readonly string[];
  /** Lesson files (assets.ts), for `show:` and `cluster:`. */
  files?: readonly string[];
}

const LESSON_KEYS = ["id", "title", "summary", "cluster", "steps"];
const STEP_KEYS = [
  "id",
  "title",
  "narration",
  "setup",
  "show",
  "manifests",
  "example",
  "proxyMode",
  "scheduler",
  "setReady",
  "commands",
  "send",
  "burst",
  "point",
  "predict",
  "challenge",
  "fold",
];

/** The cluster a lesson gets when it names none: seed 1, the engine's own defaults. */
export const DEFAULT_CLUSTER: LessonCluster = { seed: 1, apply: [], files: {} };

export function validateLesson(raw: unknown, known: KnownNames = {}): ValidationResult {
  const errors: string[] = [];
  const err: Err = (path, message) => errors.push(`${path}: ${message}`);
  if (!isObj(raw))
    return { ok: false, errors: ["(file): must be a mapping with id, title, summary and steps"] };
  unknownKeys(raw, LESSON_KEYS, "(lesson)", err);
  const id = idField(raw, "id", "id", err);
  const title = localized(raw.title, "title", err);
  const summary = localized(raw.summary, "summary", err);
  const cluster = clusterField(raw.cluster, "cluster", err, known);
  const steps: LessonStep[] = [];
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) err("steps", "must be a non-empty list");
  else {
    const seen = new Set<string>();
    raw.steps.forEach((s, i) => {
      const step = validateStep(s, `steps[${i}]`, err, known);
      if (!step) return;
      if (seen.has(step.id)) err(`steps[${i}].id`, `duplicate step id "${step.id}"`);
      seen.add(step.id);
      steps.push(step);
    });
  }
  if (errors.length > 0 || !id || !title || !summary) return { ok: false, errors };
  return { ok: true, lesson: { id, title, summary, cluster, steps } };
}

function fileName(v: unknown, path: string, err: Err, known: KnownNames): string | null {
  if (typeof v !== "string") {
    err(path, "must be a lesson file's name, e.g. seed/cluster.yaml");
    return null;
  }
  if (known.files && !known.files.includes(v)) {
    err(path, `no lesson file named "${v}"`);
    return null;
  }
  return v;
}

function clusterField(raw: unknown, path: string, err: Err, known: KnownNames): LessonCluster {
  if (raw === undefined) return DEFAULT_CLUSTER;
  if (!isObj(raw)) {
    err(path, "must be a mapping with seed, start, apply and files");
    return DEFAULT_CLUSTER;
  }
  unknownKeys(raw, ["seed", "start", "apply", "files"], path, err);
  const cluster: LessonCluster = { seed: 1, apply: [], files: {} };
  if (raw.seed !== undefined) {
    if (Number.isInteger(raw.seed) && (raw.seed as number) >= 0) cluster.seed = raw.seed as number;
    else err(`${path}.seed`, "must be a whole number");
  }
  if (raw.start !== undefined) {
    const ms = typeof raw.start === "string" ? Date.parse(raw.start) : Number.NaN;
    if (Number.isFinite(ms)) cluster.startTime = ms;
    else err(`${path}.start`, 'must be a date and time, e.g. "2021-02-07T09:49:45Z"');
  }
  if (raw.apply !== undefined) {
    if (!Array.isArray(raw.apply)) err(`${path}.apply`, "must be a list of lesson files");
    else cluster.apply = raw.apply.flatMap((f, i) => fileName(f, `${path}.apply[${i}]`, err, known) ?? []);
  }
  if (raw.files !== undefined) {
    if (!isObj(raw.files)) err(`${path}.files`, "must map paths in the node's home to lesson files");
    else
      for (const [dest, src] of Object.entries(raw.files)) {
        const name = fileName(src, `${path}.files.${dest}`, err, known);
        if (name) cluster.files[dest] = name;
      }
  }
  return cluster;
}

function validateStep(raw: unknown, path: string, err: Err, known: KnownNames): LessonStep | null {
  if (!isObj(raw)) {
    err(path, "must be a mapping");
    return null;
  }
  unknownKeys(raw, STEP_KEYS, path, err);
  const id = idField(raw, "id", `${path}.id`, err);
  const title = localized(raw.title, `${path}.title`, err);
  const narration = localized(raw.narration, `${path}.narration`, err);
  const step: LessonStep = {
    id: id ?? "",
    title: title ?? EMPTY,
    narration: narration ?? EMPTY,
    setup: lines(raw.setup, `${path}.setup`, err),
    commands: commands(raw.commands, `${path}.commands`, err),
  };
  if (raw.show !== undefined) {
    const name = fileName(raw.show, `${path}.show`, err, known);
    if (name) step.show = name;
  }
  if (raw.manifests !== undefined) {
    if (typeof raw.manifests === "string") step.manifests = raw.manifests;
    else err(`${path}.manifests`, "must be YAML text (use a block scalar: `manifests: |`)");
  }
  if (raw.example !== undefined) {
    if (typeof raw.example !== "string")
      err(`${path}.example`, "must be an example's name, e.g. 01-clusterip");
    else if (known.examples && !known.examples.includes(raw.example))
      err(`${path}.example`, `no example named "${raw.example}" in src/examples`);
    else step.example = raw.example;
  }
  if (step.manifests !== undefined && step.example !== undefined)
    err(path, "give manifests or example, not both");
  if (raw.proxyMode !== undefined) {
    if (oneOf(raw.proxyMode, PROXY_MODES)) step.proxyMode = raw.proxyMode;
    else err(`${path}.proxyMode`, `must be one of ${PROXY_MODES.join(", ")}`);
  }
  if (raw.scheduler !== undefined) {
    if (oneOf(raw.scheduler, IPVS_SCHEDULERS)) step.scheduler = raw.scheduler;
    else err(`${path}.scheduler`, `must be one of ${IPVS_SCHEDULERS.join(", ")}`);
  }
  const setReady = readiness(raw.setReady, `${path}.setReady`, err);
  if (setReady) step.setReady = setReady;
  const send = sendField(raw.send, `${path}.send`, err);
  if (send) step.send = send;
  const burst = burstField(raw.burst, `${path}.burst`, err);
  if (burst) step.burst = burst;
  const point = pointField(raw.point, `${path}.point`, err);
  if (point) step.point = point;
  const predict = predictField(raw.predict, `${path}.predict`, err);
  if (predict) step.predict = predict;
  if (raw.predict !== undefined && raw.send === undefined)
    err(`${path}.predict`, "needs a send: the answer is what that packet does");
  const challenge = challengeField(raw.challenge, `${path}.challenge`, err);
  if (challenge) step.challenge = challenge;
  if (challenge && predict) err(path, "a step asks a prediction or sets a challenge, not both");
  if (raw.fold !== undefined) {
    if (Array.isArray(raw.fold) && raw.fold.every((p) => oneOf(p, TRACE_PHASES))) step.fold = raw.fold;
    else err(`${path}.fold`, `must be a list of ${TRACE_PHASES.join(", ")}`);
  }
  return step;
}

const EMPTY: Localized = { en: "", ko: "" };
