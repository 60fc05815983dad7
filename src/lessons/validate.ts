/**
 * Checks a parsed lesson file and turns it into a typed Lesson, or lists
 * everything wrong with it (path: problem), so a teacher can fix the file.
 */
import { IPVS_SCHEDULERS, PROXY_MODES } from "../engine/api/configTypes";
import type {
  Lesson,
  LessonBurst,
  LessonPoint,
  LessonPredict,
  LessonSend,
  LessonSetReady,
  LessonStep,
  Localized,
} from "./types";
import { PREDICT_KINDS, TRACE_PHASES } from "./types";

export type ValidationResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SOURCE = /^(external|node:[^\s/:]+|pod:[^\s/]+\/[^\s/]+)$/;
const STEP_KEYS = new Set([
  "id",
  "title",
  "narration",
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
  "fold",
]);

/** `knownExamples`: the names under src/examples, when `example:` should be checked. */
export function validateLesson(raw: unknown, knownExamples?: readonly string[]): ValidationResult {
  const errors: string[] = [];
  const err = (path: string, message: string) => errors.push(`${path}: ${message}`);
  if (!isObj(raw))
    return { ok: false, errors: ["(file): must be a mapping with id, title, summary and steps"] };

  const id = idField(raw, "id", "id", err);
  const title = localized(raw.title, "title", err);
  const summary = localized(raw.summary, "summary", err);
  const steps: LessonStep[] = [];
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) err("steps", "must be a non-empty list");
  else {
    const seen = new Set<string>();
    raw.steps.forEach((s, i) => {
      const step = validateStep(s, `steps[${i}]`, err, knownExamples);
      if (!step) return;
      if (seen.has(step.id)) err(`steps[${i}].id`, `duplicate step id "${step.id}"`);
      seen.add(step.id);
      steps.push(step);
    });
  }
  if (errors.length > 0 || !id || !title || !summary) return { ok: false, errors };
  return { ok: true, lesson: { id, title, summary, steps } };
}

type Err = (path: string, message: string) => void;

function validateStep(
  raw: unknown,
  path: string,
  err: Err,
  knownExamples?: readonly string[],
): LessonStep | null {
  if (!isObj(raw)) {
    err(path, "must be a mapping");
    return null;
  }
  for (const key of Object.keys(raw)) if (!STEP_KEYS.has(key)) err(`${path}.${key}`, "unknown field");
  const id = idField(raw, "id", `${path}.id`, err);
  const title = localized(raw.title, `${path}.title`, err);
  const narration = localized(raw.narration, `${path}.narration`, err);
  const step: LessonStep = {
    id: id ?? "",
    title: title ?? EMPTY,
    narration: narration ?? EMPTY,
    commands: [],
  };

  if (raw.manifests !== undefined) {
    if (typeof raw.manifests === "string") step.manifests = raw.manifests;
    else err(`${path}.manifests`, "must be YAML text (use a block scalar: `manifests: |`)");
  }
  if (raw.example !== undefined) {
    if (typeof raw.example !== "string")
      err(`${path}.example`, "must be an example's name, e.g. 01-clusterip");
    else if (knownExamples && !knownExamples.includes(raw.example))
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
  if (raw.commands !== undefined) {
    if (Array.isArray(raw.commands) && raw.commands.every((c) => typeof c === "string"))
      step.commands = raw.commands;
    else err(`${path}.commands`, "must be a list of terminal lines");
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
  if (raw.fold !== undefined) {
    if (Array.isArray(raw.fold) && raw.fold.every((p) => oneOf(p, TRACE_PHASES))) step.fold = raw.fold;
    else err(`${path}.fold`, `must be a list of ${TRACE_PHASES.join(", ")}`);
  }
  return step;
}

const EMPTY: Localized = { en: "", ko: "" };

function sendField(raw: unknown, path: string, err: Err): LessonSend | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with from and to");
    return null;
  }
  const from = typeof raw.from === "string" && SOURCE.test(raw.from) ? raw.from : null;
  if (!from) err(`${path}.from`, 'must be "external", "node:NAME" or "pod:NAMESPACE/NAME"');
  const to = typeof raw.to === "string" && raw.to.trim() ? raw.to.trim() : null;
  if (!to) err(`${path}.to`, "must name a Service, IP:port or node:NAME:PORT");
  return from && to ? { from, to } : null;
}

function burstField(raw: unknown, path: string, err: Err): LessonBurst | null {
  if (raw === undefined) return null;
  const send = sendField(raw, path, err);
  const count = isObj(raw) ? raw.count : undefined;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 1000) {
    err(`${path}.count`, "must be a whole number from 1 to 1000");
    return null;
  }
  return send ? { ...send, count } : null;
}

function pointField(raw: unknown, path: string, err: Err): LessonPoint | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with service, pod or node");
    return null;
  }
  const point: LessonPoint = {};
  for (const key of ["service", "pod", "node"] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === "string" && v) point[key] = v;
    else err(`${path}.${key}`, "must be a name");
  }
  for (const key of Object.keys(raw))
    if (!["service", "pod", "node"].includes(key)) err(`${path}.${key}`, "unknown field");
  return point;
}

function predictField(raw: unknown, path: string, err: Err): LessonPredict | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with question and kind");
    return null;
  }
  const question = localized(raw.question, `${path}.question`, err);
  const kind = oneOf(raw.kind, PREDICT_KINDS) ? raw.kind : null;
  if (!kind) err(`${path}.kind`, `must be one of ${PREDICT_KINDS.join(", ")}`);
  return question && kind ? { question, kind } : null;
}

function readiness(raw: unknown, path: string, err: Err): LessonSetReady | null {
  if (raw === undefined) return null;
  if (!isObj(raw) || typeof raw.pod !== "string" || typeof raw.ready !== "boolean") {
    err(path, "must be a mapping with pod (a name) and ready (true or false)");
    return null;
  }
  if (raw.namespace !== undefined && typeof raw.namespace !== "string")
    err(`${path}.namespace`, "must be a name");
  return {
    pod: raw.pod,
    ready: raw.ready,
    ...(typeof raw.namespace === "string" ? { namespace: raw.namespace } : {}),
  };
}

function localized(raw: unknown, path: string, err: Err): Localized | null {
  if (!isObj(raw)) {
    err(path, "must be a mapping with en and ko texts");
    return null;
  }
  let ok = true;
  for (const lang of ["en", "ko"] as const) {
    if (typeof raw[lang] !== "string" || !(raw[lang] as string).trim()) {
      err(`${path}.${lang}`, "missing text");
      ok = false;
    }
  }
  return ok ? { en: raw.en as string, ko: raw.ko as string } : null;
}

function idField(raw: Obj, key: string, path: string, err: Err): string | null {
  const v = raw[key];
  if (typeof v === "string" && ID.test(v)) return v;
  err(path, "must be lower-case letters, digits and dashes");
  return null;
}

function oneOf<T extends string>(v: unknown, values: readonly T[]): v is T {
  return typeof v === "string" && (values as readonly string[]).includes(v);
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
