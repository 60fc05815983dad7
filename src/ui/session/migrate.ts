/**
 * Older saves and links, read into version-2 records. Version 1 kept a
 * scenario as the manifests applied (in order), then kube-proxy's mode, the
 * editor's draft and a lesson position; a lesson replaced the cluster, so a
 * version-1 lesson position becomes a lesson record with nothing on top.
 */
import { IPVS_SCHEDULERS, PROXY_MODES } from "../../engine/api/configTypes";
import type { ManifestFile } from "../../engine/simulation";
import { LANGUAGES, type Language } from "../store/settingsSlice";
import { LINK_LIMITS, type RecordLimits } from "./limits";
import { fail, isRecord, oneOf, onlyKeys, text, type Validated, validated } from "./parse";
import { type JournalEntry, SESSION_VERSION, type SessionRecord } from "./record";

/** A version-1 scenario (share links and the stash before 2026-12). */
interface ScenarioV1 {
  seed: number;
  manifests: ManifestFile[];
  editor?: string;
  mode: (typeof PROXY_MODES)[number];
  scheduler: (typeof IPVS_SCHEDULERS)[number];
  lesson?: { id: string; step: number };
  language: Language;
}

const LESSON_ID = /^[a-z0-9][a-z0-9-]*$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Checks a version-1 scenario with the rules version 1 had. */
export function parseScenarioV1(input: unknown, limits: RecordLimits = LINK_LIMITS): Validated<ScenarioV1> {
  return validated(() => {
    if (!isRecord(input)) fail("expected an object");
    onlyKeys(
      input,
      ["v", "seed", "manifests", "editor", "mode", "scheduler", "lesson", "language"],
      "scenario",
    );
    if (input.v !== 1) fail(`v: unsupported version ${JSON.stringify(input.v)}`);
    const seed = input.seed;
    if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      fail("seed: expected an integer from 0 to 4294967295");
    if (!Array.isArray(input.manifests)) fail("manifests: expected a list");
    if (input.manifests.length > limits.files) fail(`manifests: more than ${limits.files} files`);
    const manifests = input.manifests.map((f, i) => {
      if (!isRecord(f)) fail(`manifests[${i}]: expected an object`);
      onlyKeys(f, ["name", "text"], `manifests[${i}]`);
      const name = text(f.name, `manifests[${i}].name`, limits.fileNameLength);
      if (!FILE_NAME.test(name)) fail(`manifests[${i}].name: not a plain file name`);
      return { name, text: text(f.text, `manifests[${i}].text`, limits.textLength) };
    });
    const scenario: ScenarioV1 = {
      seed,
      manifests,
      mode: oneOf(input.mode, PROXY_MODES, "mode"),
      scheduler: oneOf(input.scheduler, IPVS_SCHEDULERS, "scheduler"),
      language: oneOf(input.language, LANGUAGES, "language"),
    };
    if (input.editor !== undefined) scenario.editor = text(input.editor, "editor", limits.textLength);
    if (input.lesson !== undefined) {
      const l = input.lesson;
      if (!isRecord(l)) fail("lesson: expected an object");
      const id = text(l.id, "lesson.id", limits.lessonIdLength);
      if (!LESSON_ID.test(id)) fail("lesson.id: not a lesson id");
      if (
        typeof l.step !== "number" ||
        !Number.isInteger(l.step) ||
        l.step < 0 ||
        l.step >= limits.lessonSteps
      )
        fail("lesson.step: expected a step number");
      scenario.lesson = { id, step: l.step };
    }
    return scenario;
  });
}

/**
 * The version-1 boot: a fresh cluster with the seed, every applied file in
 * one apply, then kube-proxy's mode. A lesson replaced all of that.
 */
export function recordFromV1(s: {
  seed: number;
  manifests: readonly ManifestFile[];
  mode: ScenarioV1["mode"];
  scheduler: ScenarioV1["scheduler"];
  editor?: string;
  lesson?: { id: string; step: number };
}): SessionRecord {
  if (s.lesson) return { v: SESSION_VERSION, seed: 1, lesson: { ...s.lesson }, journal: [] };
  const journal: JournalEntry[] = [];
  if (s.manifests.length) journal.push({ op: "apply", files: s.manifests.map((f) => ({ ...f })) });
  journal.push({ op: "mode", mode: s.mode, scheduler: s.scheduler });
  const applied = s.manifests.map((f) => f.text).join("\n---\n");
  const record: SessionRecord = { v: SESSION_VERSION, seed: s.seed, journal };
  if (s.editor !== undefined && s.editor !== applied) record.draft = s.editor;
  return record;
}
