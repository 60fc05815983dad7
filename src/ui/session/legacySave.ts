/**
 * The saves of version 1, spread over several keys: the store's state
 * (`packetwalk`, its big texts under `packetwalk:blobN`), the seed and mode
 * (`packetwalk-engine`), and the work a share link put aside
 * (`packetwalk-before-share`). Read once, into version-2 workspaces.
 */
import { IPVS_SCHEDULERS, PROXY_MODES } from "../../engine/api/configTypes";
import type { ManifestFile } from "../../engine/simulation";
import { LANGUAGES, type Language, THEMES, type Theme } from "../store/settingsSlice";
import { STORAGE_LIMITS } from "./limits";
import { parseScenarioV1, recordFromV1 } from "./migrate";
import { isRecord } from "./parse";
import type { SessionRecord } from "./record";
import { LEGACY_KEYS } from "./stored";

export interface LegacySave {
  own: SessionRecord;
  /** The workspace that was on screen when it was not the user's own (a lesson, a shared link). */
  guest?: { kind: "lesson" | "share"; record: SessionRecord };
  history: string[];
  language?: Language;
  theme?: Theme;
  /** Every key the old save used, to remove once the new one is written. */
  keys: string[];
}

type Reader = Pick<Storage, "getItem" | "length" | "key">;

function json(storage: Reader, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/** Reads a version-1 save, or null when there is none. Never throws: what cannot be read is left out. */
export function readLegacySave(storage: Reader): LegacySave | null {
  const stored = json(storage, LEGACY_KEYS.state);
  const engine = json(storage, LEGACY_KEYS.engine);
  const stash = json(storage, LEGACY_KEYS.stash);
  if (!isRecord(stored) && !isRecord(engine) && stash === null) return null;
  const keys: string[] = [LEGACY_KEYS.state, LEGACY_KEYS.engine, LEGACY_KEYS.stash];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(`${LEGACY_KEYS.state}:`)) keys.push(k);
  }
  const state = isRecord(stored) && isRecord(stored.state) ? stored.state : {};
  const blob = (ref: unknown, inline: unknown): string => {
    if (typeof inline === "string") return inline;
    return typeof ref === "string" ? (storage.getItem(ref) ?? "") : "";
  };
  const text = blob(state.textRef, state.text);
  const appliedText = blob(state.appliedTextRef, state.appliedText);
  const files: ManifestFile[] = Array.isArray(state.appliedFiles)
    ? state.appliedFiles.flatMap((f) =>
        isRecord(f) && typeof f.name === "string" ? [{ name: f.name, text: blob(f.textRef, f.text) }] : [],
      )
    : [];
  const manifests = files.length ? files : appliedText ? [{ name: "manifests.yaml", text: appliedText }] : [];
  const e = isRecord(engine) ? engine : {};
  const current = recordFromV1({
    seed: Number.isInteger(e.seed) && (e.seed as number) >= 0 ? (e.seed as number) : 1,
    manifests,
    mode: PROXY_MODES.find((m) => m === e.mode) ?? "iptables",
    scheduler: IPVS_SCHEDULERS.find((s) => s === e.scheduler) ?? "rr",
    editor: text,
  });
  const stashed = parseScenarioV1(stash, STORAGE_LIMITS);
  const lessonId = typeof state.lessonId === "string" ? state.lessonId : null;
  const step = Number.isInteger(state.lessonStep) ? Math.max(0, state.lessonStep as number) : 0;
  const save: LegacySave = {
    own: current,
    history: Array.isArray(state.history)
      ? state.history.filter((h): h is string => typeof h === "string").slice(-500)
      : [],
    keys,
  };
  if (lessonId && /^[a-z0-9][a-z0-9-]*$/.test(lessonId)) {
    // A version-1 lesson had replaced the cluster: the lesson becomes a workspace of its own,
    // and the work put aside by a link (if any) is the user's own.
    save.guest = { kind: "lesson", record: { v: 2, seed: 1, lesson: { id: lessonId, step }, journal: [] } };
    if (stashed.ok) save.own = recordFromV1(stashed.value);
  } else if (stashed.ok) {
    // A shared link was open, the user's work kept aside.
    save.guest = { kind: "share", record: current };
    save.own = recordFromV1(stashed.value);
  }
  const language = LANGUAGES.find((l) => l === state.language);
  const theme = THEMES.find((t) => t === state.theme);
  if (language) save.language = language;
  if (theme) save.theme = theme;
  return save;
}
