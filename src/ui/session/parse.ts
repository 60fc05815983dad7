/**
 * A session record from untrusted JSON (a share link, the browser's storage),
 * checked field by field: types, known modes and schedulers, lengths. Unknown
 * fields are refused. Manifest content is checked later by the engine, as any
 * manifest is.
 */
import { IPVS_SCHEDULERS, PROXY_MODES } from "../../engine/api/configTypes";
import type { PacketSource, SendRequest } from "../../engine/net/contract";
import type { ManifestFile } from "../../engine/simulation";
import { TRACE_PHASES, type TracePhase } from "../../lessons/types";
import type { RecordLimits } from "./limits";
import {
  type JournalEntry,
  type LessonPosition,
  SESSION_VERSION,
  type SessionRecord,
  type TracePosition,
} from "./record";

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LESSON_ID = /^[a-z0-9][a-z0-9-]*$/;
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const PROTOCOLS = ["TCP", "UDP", "SCTP"] as const;
/** A day of virtual time per entry is plenty; more is a typo or an attack on the clock. */
const MAX_CLOCK_MS = 400 * 24 * 3600 * 1000;

class Invalid extends Error {}

export function fail(message: string): never {
  throw new Invalid(message);
}

/** Runs `check`, turning its `fail` into a Validated error. */
export function validated<T>(check: () => T): Validated<T> {
  try {
    return { ok: true, value: check() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function onlyKeys(v: Record<string, unknown>, keys: readonly string[], field: string): void {
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra) fail(`${field}: unknown field ${JSON.stringify(extra)}`);
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T {
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    fail(`${field}: expected one of ${allowed.join(", ")}`);
  }
  return v as T;
}

export function text(v: unknown, field: string, max: number): string {
  if (typeof v !== "string") fail(`${field}: expected a string`);
  if (v.length > max) fail(`${field}: longer than ${max} characters`);
  return v;
}

function integer(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    fail(`${field}: expected an integer from ${min} to ${max}`);
  }
  return v;
}

function name(v: unknown, field: string): string {
  const s = text(v, field, 253);
  if (!NAME.test(s)) fail(`${field}: not an object name`);
  return s;
}

function files(v: unknown, field: string, limits: RecordLimits, budget: { left: number }): ManifestFile[] {
  if (!Array.isArray(v)) fail(`${field}: expected a list`);
  if (v.length > limits.files) fail(`${field}: more than ${limits.files} files`);
  return v.map((f, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(f)) fail(`${at}: expected an object`);
    onlyKeys(f, ["name", "text"], at);
    const fileName = text(f.name, `${at}.name`, limits.fileNameLength);
    if (!FILE_NAME.test(fileName)) fail(`${at}.name: not a plain file name`);
    const body = text(f.text, `${at}.text`, limits.textLength);
    budget.left -= body.length;
    if (budget.left < 0) fail(`${at}.text: the manifests are longer than ${limits.totalText} characters`);
    return { name: fileName, text: body };
  });
}

function source(v: unknown, field: string): PacketSource {
  if (!isRecord(v)) fail(`${field}: expected an object`);
  const type = oneOf(v.type, ["pod", "node", "external"] as const, `${field}.type`);
  if (type === "pod") {
    onlyKeys(v, ["type", "namespace", "name"], field);
    return { type, namespace: name(v.namespace, `${field}.namespace`), name: name(v.name, `${field}.name`) };
  }
  if (type === "node") {
    onlyKeys(v, ["type", "node"], field);
    return { type, node: name(v.node, `${field}.node`) };
  }
  onlyKeys(v, ["type", "ip"], field);
  return v.ip === undefined ? { type } : { type, ip: text(v.ip, `${field}.ip`, 64) };
}

function request(v: unknown, field: string): SendRequest {
  if (!isRecord(v)) fail(`${field}: expected an object`);
  onlyKeys(v, ["from", "target", "port", "proto", "bytes", "sport", "sportTries"], field);
  const out: SendRequest = {
    from: source(v.from, `${field}.from`),
    target: text(v.target, `${field}.target`, 300),
  };
  if (v.port !== undefined) out.port = integer(v.port, `${field}.port`, 1, 65535);
  if (v.proto !== undefined) out.proto = oneOf(v.proto, PROTOCOLS, `${field}.proto`);
  if (v.bytes !== undefined) out.bytes = integer(v.bytes, `${field}.bytes`, 0, 65535);
  if (v.sport !== undefined) out.sport = integer(v.sport, `${field}.sport`, 1, 65535);
  if (v.sportTries !== undefined) out.sportTries = integer(v.sportTries, `${field}.sportTries`, 1, 65535);
  return out;
}

function entry(v: unknown, field: string, limits: RecordLimits, budget: { left: number }): JournalEntry {
  if (!isRecord(v)) fail(`${field}: expected an object`);
  switch (v.op) {
    case "apply":
      onlyKeys(v, ["op", "files"], field);
      return { op: "apply", files: files(v.files, `${field}.files`, limits, budget) };
    case "import": {
      onlyKeys(v, ["op", "files"], field);
      const [file, ...more] = files(v.files, `${field}.files`, limits, budget);
      if (!file || more.length) fail(`${field}.files: expected one file`);
      return { op: "import", files: [file] };
    }
    case "run":
      onlyKeys(v, ["op", "line"], field);
      return { op: "run", line: text(v.line, `${field}.line`, limits.lineLength) };
    case "send":
      onlyKeys(v, ["op", "request"], field);
      return { op: "send", request: request(v.request, `${field}.request`) };
    case "burst":
      onlyKeys(v, ["op", "request", "count"], field);
      return {
        op: "burst",
        request: request(v.request, `${field}.request`),
        count: integer(v.count, `${field}.count`, 1, 1000),
      };
    case "mode": {
      onlyKeys(v, ["op", "mode", "scheduler"], field);
      const mode = oneOf(v.mode, PROXY_MODES, `${field}.mode`);
      return v.scheduler === undefined
        ? { op: "mode", mode }
        : { op: "mode", mode, scheduler: oneOf(v.scheduler, IPVS_SCHEDULERS, `${field}.scheduler`) };
    }
    case "ready":
      onlyKeys(v, ["op", "namespace", "pod", "ready"], field);
      if (typeof v.ready !== "boolean") fail(`${field}.ready: expected true or false`);
      return {
        op: "ready",
        namespace: name(v.namespace, `${field}.namespace`),
        pod: name(v.pod, `${field}.pod`),
        ready: v.ready,
      };
    case "clock":
      onlyKeys(v, ["op", "ms"], field);
      return { op: "clock", ms: integer(v.ms, `${field}.ms`, 0, MAX_CLOCK_MS) };
    default:
      return fail(`${field}.op: expected one of apply, import, run, send, burst, mode, ready, clock`);
  }
}

function lesson(v: unknown, limits: RecordLimits): LessonPosition {
  if (!isRecord(v)) fail("lesson: expected an object");
  onlyKeys(v, ["id", "step"], "lesson");
  const id = text(v.id, "lesson.id", limits.lessonIdLength);
  if (!LESSON_ID.test(id)) fail("lesson.id: not a lesson id");
  return { id, step: integer(v.step, "lesson.step", 0, limits.lessonSteps - 1) };
}

function trace(v: unknown, entries: number): TracePosition {
  if (!isRecord(v)) fail("trace: expected an object");
  onlyKeys(v, ["entry", "hop", "folded"], "trace");
  const position: TracePosition = {
    entry: integer(v.entry, "trace.entry", -1, entries - 1),
    hop: integer(v.hop, "trace.hop", 0, 10_000),
  };
  if (v.folded !== undefined) {
    if (!Array.isArray(v.folded) || v.folded.length > TRACE_PHASES.length)
      fail("trace.folded: expected a list of phases");
    position.folded = v.folded.map((p, i) => {
      if (!TRACE_PHASES.includes(p)) fail(`trace.folded[${i}]: expected one of ${TRACE_PHASES.join(", ")}`);
      return p as TracePhase;
    });
  }
  return position;
}

/** Checks a version-2 record; older versions go through `migrateRecord` first. */
export function parseRecord(input: unknown, limits: RecordLimits): Validated<SessionRecord> {
  return validated(() => {
    if (!isRecord(input)) fail("expected an object");
    if (input.v !== SESSION_VERSION) fail(`v: unsupported version ${JSON.stringify(input.v)}`);
    onlyKeys(input, ["v", "seed", "startTime", "lesson", "journal", "draft", "trace"], "session");
    if (!Array.isArray(input.journal)) fail("journal: expected a list");
    if (input.journal.length > limits.entries) fail(`journal: more than ${limits.entries} entries`);
    const budget = { left: limits.totalText };
    const record: SessionRecord = {
      v: SESSION_VERSION,
      seed: integer(input.seed, "seed", 0, 0xffffffff),
      journal: input.journal.map((e, i) => entry(e, `journal[${i}]`, limits, budget)),
    };
    if (input.startTime !== undefined)
      record.startTime = integer(input.startTime, "startTime", 0, 8_640_000_000_000_000);
    if (input.lesson !== undefined) record.lesson = lesson(input.lesson, limits);
    if (input.draft !== undefined) record.draft = text(input.draft, "draft", limits.textLength);
    if (input.trace !== undefined) record.trace = trace(input.trace, record.journal.length);
    return record;
  });
}
