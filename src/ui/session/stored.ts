/**
 * A workspace as the browser stores it: the session record with its big
 * texts (manifests, the draft) moved to keys of their own, named by their
 * content, so a text is written once however often the record is saved.
 * Reading it back checks every field (storage is editable by anyone).
 */
import type { WorkspaceKind, WorkspaceUi } from "../store/sessionSlice";
import { STORAGE_LIMITS } from "./limits";
import { fail, isRecord, parseRecord, type Validated, validated } from "./parse";
import type { SessionRecord } from "./record";

export const SESSION_KEY = "packetwalk-session";
export const BLOB_PREFIX = "packetwalk-blob:";
/** The keys of a version-1 save (session/legacySave.ts reads them). */
export const LEGACY_KEYS = {
  state: "packetwalk",
  engine: "packetwalk-engine",
  stash: "packetwalk-before-share",
} as const;
/** Texts shorter than this stay inline. */
const INLINE_MAX = 2048;
/** Where a text too long for local storage is kept: IndexedDB (bigTexts.ts), under a key of this prefix. */
export const BIG_PREFIX = "packetwalk-big:";
/**
 * The longest text local storage gets. A cluster dump can be tens of MB: local storage holds a few
 * MB per site, and naming a text by its content reads all of it on the page's thread. A longer
 * text goes to IndexedDB under a name given once (`bigName`).
 */
export const MAX_STORED_TEXT = 4 * 1024 * 1024;

export interface Workspace {
  record: SessionRecord;
  ui: WorkspaceUi;
}

export interface SavedSession {
  active: WorkspaceKind;
  current: Workspace;
  /** The user's own workspace while a lesson or a shared link is on screen. */
  parked: Workspace | null;
}

/** Who wrote the save last: a tab's id and a count, to notice another tab's writes. */
export interface Stamp {
  tab: string;
  seq: number;
}

/** A content name for a text: FNV-1a (two 32-bit lanes) and its length. */
export function blobKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${BLOB_PREFIX}${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${text.length.toString(36)}`;
}

/**
 * The record with its big texts replaced by blob keys; `blobs` collects the texts to write. A text
 * over MAX_STORED_TEXT is keyed by `bigName` (a `BIG_PREFIX` key), not by its content.
 */
export function toStored(
  record: SessionRecord,
  blobs: Map<string, string>,
  bigName: (text: string) => string,
): unknown {
  const ref = (text: string): { text: string } | { blob: string } => {
    if (text.length < INLINE_MAX) return { text };
    const key = text.length > MAX_STORED_TEXT ? bigName(text) : blobKey(text);
    blobs.set(key, text);
    return { blob: key };
  };
  const journal = record.journal.map((e) =>
    e.op === "apply" || e.op === "import"
      ? { op: e.op, files: e.files.map((f) => ({ name: f.name, ...ref(f.text) })) }
      : e,
  );
  const { draft, ...rest } = record;
  return { ...rest, journal, ...(draft !== undefined ? { draft: ref(draft) } : {}) };
}

/** Reads a stored record back: blob keys resolved, then every field checked. */
export function fromStored(stored: unknown, read: (key: string) => string | null): Validated<SessionRecord> {
  const resolved = validated(() => {
    const text = (v: unknown, field: string): unknown => {
      if (!isRecord(v)) return v;
      if (typeof v.blob === "string") {
        const t = read(v.blob);
        if (t === null) fail(`${field}: its text is missing from storage`);
        return t;
      }
      return v.text;
    };
    if (!isRecord(stored)) return stored;
    const journal = Array.isArray(stored.journal)
      ? stored.journal.map((e, i) =>
          isRecord(e) && (e.op === "apply" || e.op === "import") && Array.isArray(e.files)
            ? {
                op: e.op,
                files: e.files.map((f, j) =>
                  isRecord(f) ? { name: f.name, text: text(f, `journal[${i}].files[${j}]`) } : f,
                ),
              }
            : e,
        )
      : stored.journal;
    return {
      ...stored,
      journal,
      ...(stored.draft !== undefined ? { draft: text(stored.draft, "draft") } : {}),
    };
  });
  if (!resolved.ok) return resolved;
  return parseRecord(resolved.value, STORAGE_LIMITS);
}

/** Every blob key a stored record refers to. */
export function blobsOf(stored: unknown): string[] {
  const keys: string[] = [];
  JSON.stringify(stored, (k, v) => {
    if (k === "blob" && typeof v === "string") keys.push(v);
    return v;
  });
  return keys;
}

const LINE_KINDS = ["input", "output", "error", "cut"] as const;

/** The terminal part of a stored workspace; whatever does not read as lines and history is dropped. */
export function uiFromStored(v: unknown): WorkspaceUi {
  const ui = isRecord(v) ? v : {};
  const lines = Array.isArray(ui.lines)
    ? ui.lines.flatMap((l) => {
        if (!isRecord(l) || typeof l.text !== "string") return [];
        const kind = LINE_KINDS.find((k) => k === l.kind);
        if (!kind) return [];
        return [
          {
            kind,
            text: l.text,
            ...(typeof l.prompt === "string" ? { prompt: l.prompt } : {}),
            ...(typeof l.cut === "number" && l.cut >= 0 ? { cut: l.cut } : {}),
          },
        ];
      })
    : [];
  const history = Array.isArray(ui.history)
    ? ui.history.filter((h): h is string => typeof h === "string").slice(-500)
    : [];
  return { lines, history };
}
