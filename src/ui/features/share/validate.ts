import { IPVS_SCHEDULERS, PROXY_MODES } from "../../../engine/api/configTypes";
import type { ManifestFile } from "../../../engine/simulation";
import { LANGUAGES } from "../../store/settingsSlice";
import { SHARE_LIMITS } from "./limits";
import { type LessonPosition, SCENARIO_VERSION, type Scenario } from "./scenario";

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

const KNOWN_KEYS = new Set(["v", "seed", "manifests", "editor", "mode", "scheduler", "lesson", "language"]);
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
    return { ok: true, value: scenario };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}
