import { IPVS_SCHEDULERS, PROXY_MODES } from "../../../engine/api/configTypes";
import type { PacketSource, SendRequest } from "../../../engine/net/contract";
import type { ManifestFile } from "../../../engine/simulation";
import type { SentPacket } from "../../store/playbackSlice";
import { LANGUAGES } from "../../store/settingsSlice";
import { PHASES } from "../trace/phases";
import { SHARE_LIMITS } from "./limits";
import { type LessonPosition, SCENARIO_VERSION, type Scenario, type TracePosition } from "./scenario";

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

const KNOWN_KEYS = new Set([
  "v",
  "seed",
  "manifests",
  "editor",
  "mode",
  "scheduler",
  "lesson",
  "language",
  "packets",
  "trace",
]);
const PROTOCOLS = ["TCP", "UDP", "SCTP"] as const;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LESSON_ID = /^[a-z0-9][a-z0-9-]*$/;

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T {
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    fail(`${field}: expected one of ${allowed.join(", ")}`);
  }
  return v as T;
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== "string") fail(`${field}: expected a string`);
  if (v.length > max) fail(`${field}: longer than ${max} characters`);
  return v;
}

function manifests(v: unknown): ManifestFile[] {
  if (!Array.isArray(v)) fail("manifests: expected a list");
  if (v.length > SHARE_LIMITS.manifestFiles) fail(`manifests: more than ${SHARE_LIMITS.manifestFiles} files`);
  return v.map((f, i) => {
    if (!isRecord(f)) fail(`manifests[${i}]: expected an object`);
    const extra = Object.keys(f).find((k) => k !== "name" && k !== "text");
    if (extra) fail(`manifests[${i}]: unknown field ${JSON.stringify(extra)}`);
    const name = text(f.name, `manifests[${i}].name`, SHARE_LIMITS.manifestNameLength);
    if (!FILE_NAME.test(name)) fail(`manifests[${i}].name: not a plain file name`);
    return { name, text: text(f.text, `manifests[${i}].text`, SHARE_LIMITS.manifestTextLength) };
  });
}

function lesson(v: unknown): LessonPosition {
  if (!isRecord(v)) fail("lesson: expected an object");
  const id = text(v.id, "lesson.id", SHARE_LIMITS.lessonIdLength);
  if (!LESSON_ID.test(id)) fail("lesson.id: not a lesson id");
  const step = v.step;
  if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || step >= SHARE_LIMITS.lessonSteps) {
    fail("lesson.step: expected a step number");
  }
  return { id, step };
}

function integer(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    fail(`${field}: expected an integer from ${min} to ${max}`);
  return v;
}

function onlyKeys(v: Record<string, unknown>, allowed: readonly string[], field: string): void {
  const extra = Object.keys(v).find((k) => !allowed.includes(k));
  if (extra) fail(`${field}: unknown field ${JSON.stringify(extra)}`);
}

function source(v: unknown, field: string): PacketSource {
  if (!isRecord(v)) fail(`${field}: expected an object`);
  const max = SHARE_LIMITS.lineLength;
  switch (v.type) {
    case "pod":
      onlyKeys(v, ["type", "namespace", "name"], field);
      return {
        type: "pod",
        namespace: text(v.namespace, `${field}.namespace`, max),
        name: text(v.name, `${field}.name`, max),
      };
    case "node":
      onlyKeys(v, ["type", "node"], field);
      return { type: "node", node: text(v.node, `${field}.node`, max) };
    case "external":
      onlyKeys(v, ["type", "ip"], field);
      return v.ip === undefined
        ? { type: "external" }
        : { type: "external", ip: text(v.ip, `${field}.ip`, 64) };
    default:
      return fail(`${field}.type: expected one of pod, node, external`);
  }
}

function request(v: unknown, field: string): SendRequest {
  if (!isRecord(v)) fail(`${field}: expected an object`);
  onlyKeys(v, ["from", "target", "port", "proto", "bytes"], field);
  const r: SendRequest = {
    from: source(v.from, `${field}.from`),
    target: text(v.target, `${field}.target`, SHARE_LIMITS.lineLength),
  };
  if (v.port !== undefined) r.port = integer(v.port, `${field}.port`, 1, 65535);
  if (v.proto !== undefined) r.proto = oneOf(v.proto, PROTOCOLS, `${field}.proto`);
  if (v.bytes !== undefined) r.bytes = integer(v.bytes, `${field}.bytes`, 0, 2 ** 31 - 1);
  return r;
}

function packets(v: unknown): SentPacket[] {
  if (!Array.isArray(v)) fail("packets: expected a list");
  if (v.length > SHARE_LIMITS.packets) fail(`packets: more than ${SHARE_LIMITS.packets}`);
  return v.map((p, i): SentPacket => {
    const field = `packets[${i}]`;
    if (!isRecord(p)) fail(`${field}: expected an object`);
    if ("send" in p) {
      onlyKeys(p, ["send"], field);
      return { send: request(p.send, `${field}.send`) };
    }
    if ("burst" in p) {
      onlyKeys(p, ["burst", "count"], field);
      return {
        burst: request(p.burst, `${field}.burst`),
        count: integer(p.count, `${field}.count`, 1, SHARE_LIMITS.burstCount),
      };
    }
    if ("run" in p) {
      onlyKeys(p, ["run"], field);
      return { run: text(p.run, `${field}.run`, SHARE_LIMITS.lineLength) };
    }
    return fail(`${field}: expected send, burst or run`);
  });
}

function tracePosition(v: unknown): TracePosition {
  if (!isRecord(v)) fail("trace: expected an object");
  onlyKeys(v, ["hop", "folded"], "trace");
  if (!Array.isArray(v.folded)) fail("trace.folded: expected a list");
  return {
    hop: integer(v.hop, "trace.hop", 0, SHARE_LIMITS.hops),
    folded: [...new Set(v.folded.map((p, i) => oneOf(p, PHASES, `trace.folded[${i}]`)))],
  };
}

/**
 * Checks a decoded share payload field by field: types, known modes,
 * schedulers and languages, lengths. Unknown fields are refused. The
 * manifests' content is checked later by the engine, like any manifest.
 */
export function validateScenario(input: unknown): Validated<Scenario> {
  try {
    if (!isRecord(input)) fail("expected an object");
    const unknown = Object.keys(input).find((k) => !KNOWN_KEYS.has(k));
    if (unknown) fail(`unknown field ${JSON.stringify(unknown)}`);
    if (input.v !== SCENARIO_VERSION) fail(`v: unsupported version ${JSON.stringify(input.v)}`);
    const seed = input.seed;
    if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      fail("seed: expected an integer from 0 to 4294967295");
    }
    const scenario: Scenario = {
      v: SCENARIO_VERSION,
      seed,
      manifests: manifests(input.manifests),
      mode: oneOf(input.mode, PROXY_MODES, "mode"),
      scheduler: oneOf(input.scheduler, IPVS_SCHEDULERS, "scheduler"),
      language: oneOf(input.language, LANGUAGES, "language"),
    };
    if (input.editor !== undefined)
      scenario.editor = text(input.editor, "editor", SHARE_LIMITS.manifestTextLength);
    if (input.lesson !== undefined) scenario.lesson = lesson(input.lesson);
    if (input.packets !== undefined) scenario.packets = packets(input.packets);
    if (input.trace !== undefined) scenario.trace = tracePosition(input.trace);
    return { ok: true, value: scenario };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}
