/**
 * Saves the workspaces in the browser's storage, once per change and when
 * the browser is idle (at once when the page is hidden). One key holds the
 * record of the workspace on screen and the user's own when it is parked; a
 * write is one `setItem`, so a failed write leaves the last good save whole
 * (a draft can never be saved as applied). A text too long for local storage
 * (a cluster dump) is stored in IndexedDB first and the record written once
 * it is there. A full or disabled storage is reported, and so is another
 * tab's save: this tab then stops saving until the user chooses whose work
 * to keep.
 */
import { useAppStore } from "../store";
import { capScrollback, SAVED_SCROLLBACK_CHARS } from "../store/scrollback";
import type { SaveProblem, WorkspaceKind } from "../store/sessionSlice";
import { currentRecord } from "./current";
import { isRecord } from "./parse";
import {
  BIG_PREFIX,
  BLOB_PREFIX,
  blobsOf,
  fromStored,
  LEGACY_KEYS,
  type SavedSession,
  SESSION_KEY,
  type Stamp,
  toStored,
  uiFromStored,
  type Workspace,
} from "./stored";

const UNREADABLE_KEY = "packetwalk-session-unreadable";
const KINDS: readonly WorkspaceKind[] = ["own", "lesson", "share"];

const tab = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}`;
/** The stamp of the save this tab last read or wrote: a different one in storage is another tab's. */
let seen: Stamp | null = null;
let lastJson = "";
let legacyKeys: string[] = [];
const known = new Set<string>();
/**
 * Texts too long for local storage: the IndexedDB key each has (a name given once, never read from
 * its content). A list, not a map keyed by text: a map hashes all of a new text (tens of ms for a
 * dump, at every pause in typing), where comparing it with a few others stops at their lengths.
 */
let bigNames: { text: string; key: string }[] = [];
/** Keys of big texts known to be in IndexedDB. */
const bigStored = new Set<string>();
/** IndexedDB was used in this tab: a save cleans up the texts its record no longer names. */
let bigUsed = false;
let bigWriting = false;
let bigCount = 0;

function bigName(text: string): string {
  const named = bigNames.find((n) => n.text === text);
  if (named) return named.key;
  const key = `${BIG_PREFIX}${tab}-${++bigCount}-${text.length.toString(36)}`;
  bigNames.push({ text, key });
  return key;
}

function storage(): Storage | null {
  try {
    const s = typeof localStorage === "undefined" ? null : localStorage;
    s?.getItem(SESSION_KEY);
    return s;
  } catch {
    return null;
  }
}

export interface LoadResult {
  saved: SavedSession | null;
  /** Why the save could not be read (it is kept aside under another key). */
  unreadable?: string;
  /** Storage cannot be used at all (disabled, private mode). */
  disabled?: boolean;
}

function stampOf(raw: string | null): Stamp | null {
  const m = raw ? /^\{"stamp":\{"tab":"([^"]*)","seq":(\d+)\}/.exec(raw) : null;
  return m ? { tab: m[1]!, seq: Number(m[2]) } : null;
}

function readWorkspace(v: unknown, read: (k: string) => string | null): Workspace {
  const w = isRecord(v) ? v : {};
  const record = fromStored(w.record, read);
  if (!record.ok) throw new Error(record.error);
  return { record: record.value, ui: uiFromStored(w.ui) };
}

/** Reads the saved workspaces (or a version-1 save, migrated). Never rejects. */
export async function loadSession(): Promise<LoadResult> {
  const s = storage();
  if (!s) return { saved: null, disabled: true };
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(BLOB_PREFIX)) known.add(k);
  }
  const raw = s.getItem(SESSION_KEY);
  if (raw === null) return { saved: await fromLegacy(s) };
  seen = stampOf(raw);
  try {
    const stored = JSON.parse(raw) as Record<string, unknown>;
    const big = await readBig(blobsOf(stored).filter((k) => k.startsWith(BIG_PREFIX)));
    const read = (k: string) => (k.startsWith(BIG_PREFIX) ? (big.get(k) ?? null) : s.getItem(k));
    const active = KINDS.find((k) => k === stored.active) ?? "own";
    const current = readWorkspace(stored.current, read);
    const parked = stored.parked ? readWorkspace(stored.parked, read) : null;
    lastJson = raw;
    return { saved: { active: parked ? active : "own", current, parked } };
  } catch (e) {
    try {
      s.setItem(UNREADABLE_KEY, raw);
    } catch {
      // Kept in place instead: the next save is refused until the user chooses (see below).
    }
    return { saved: null, unreadable: e instanceof Error ? e.message : String(e) };
  }
}

/** The big texts a save names, from IndexedDB (its code loads only when a save names one). */
async function readBig(keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const { readBigTexts } = await import("./bigTexts");
  bigUsed = true;
  const big = await readBigTexts(keys);
  for (const [key, text] of big) {
    bigStored.add(key);
    if (!bigNames.some((n) => n.text === text)) bigNames.push({ text, key });
  }
  return big;
}

async function fromLegacy(s: Storage): Promise<SavedSession | null> {
  // The reader of old saves loads only when one is there.
  if (Object.values(LEGACY_KEYS).every((k) => s.getItem(k) === null)) return null;
  const { readLegacySave } = await import("./legacySave");
  const legacy = readLegacySave(s);
  if (!legacy) return null;
  legacyKeys = legacy.keys;
  const settings = useAppStore.getState();
  if (legacy.language) settings.setLanguage(legacy.language);
  if (legacy.theme) settings.setTheme(legacy.theme);
  const own: Workspace = { record: legacy.own, ui: { lines: [], history: legacy.history } };
  if (!legacy.guest) return { active: "own", current: own, parked: null };
  return {
    active: legacy.guest.kind,
    current: { record: legacy.guest.record, ui: { lines: [], history: [] } },
    parked: own,
  };
}

/** `pending`: the record waits for its big texts to be stored in IndexedDB (then it saves again). */
export type SaveResult = "saved" | "unchanged" | "skipped" | "conflict" | "full" | "disabled" | "pending";

/** Writes the workspaces now. */
export function saveNow(): SaveResult {
  const state = useAppStore.getState();
  if (state.restoring) return "skipped";
  if (state.saveProblem?.kind === "conflict") return "conflict";
  const s = storage();
  if (!s) {
    report({ kind: "disabled" });
    return "disabled";
  }
  const record = currentRecord(state);
  const blobs = new Map<string, string>();
  const workspace = (w: Workspace) => ({ record: toStored(w.record, blobs, bigName), ui: w.ui });
  const current: Workspace = {
    record,
    ui: {
      lines: capScrollback(state.lines, SAVED_SCROLLBACK_CHARS).map(({ id: _, ...l }) => l),
      history: state.history,
    },
  };
  const body = {
    active: state.workspace,
    current: workspace(current),
    parked: state.parked ? workspace(state.parked) : null,
  };
  const bodyJson = JSON.stringify(body);
  if (lastJson.endsWith(bodyJson.slice(1))) return "unchanged";
  const inStorage = stampOf(s.getItem(SESSION_KEY));
  if (inStorage && (!seen || inStorage.tab !== seen.tab || inStorage.seq !== seen.seq)) {
    report({ kind: "conflict" });
    return "conflict";
  }
  const unstored = [...blobs].filter(([key]) => key.startsWith(BIG_PREFIX) && !bigStored.has(key));
  if (unstored.length > 0) {
    storeBig(new Map(unstored));
    return "pending";
  }
  const stamp: Stamp = { tab, seq: (seen?.seq ?? 0) + 1 };
  const json = `{"stamp":${JSON.stringify(stamp)},${bodyJson.slice(1)}`;
  try {
    for (const [key, text] of blobs) {
      if (known.has(key) || key.startsWith(BIG_PREFIX)) continue;
      s.setItem(key, text);
      known.add(key);
    }
    s.setItem(SESSION_KEY, json);
  } catch {
    report({ kind: "full" });
    return "full";
  }
  seen = stamp;
  lastJson = json;
  const used = new Set(blobsOf(body));
  for (const key of [...known]) {
    if (used.has(key)) continue;
    s.removeItem(key);
    known.delete(key);
  }
  for (const key of legacyKeys) s.removeItem(key);
  legacyKeys = [];
  if (bigUsed) dropBig(used);
  if (state.saveProblem) state.setSaveProblem(null);
  return "saved";
}

/**
 * Stores big texts in IndexedDB, then saves again (the record then names only stored texts).
 * Refused (quota, IndexedDB disabled): the page says so and the last good save stays.
 */
function storeBig(texts: Map<string, string>): void {
  if (bigWriting) return;
  bigWriting = true;
  bigUsed = true;
  void import("./bigTexts")
    .then((m) => m.writeBigTexts(texts))
    .then(
      () => {
        bigWriting = false;
        for (const key of texts.keys()) bigStored.add(key);
        schedule();
      },
      () => {
        bigWriting = false;
        report({ kind: "bigRefused", chars: Math.max(...[...texts.values()].map((t) => t.length)) });
      },
    );
}

/** Deletes the big texts (and their names) the saved record no longer holds, including any left by an earlier tab. */
function dropBig(used: Set<string>): void {
  bigNames = bigNames.filter((n) => used.has(n.key));
  void import("./bigTexts")
    .then(async (m) => {
      // A text named since (a save waiting for it to be stored) is not stale.
      const named = new Set(bigNames.map((n) => n.key));
      const stale = (await m.bigTextKeys()).filter((k) => !used.has(k) && !named.has(k));
      for (const key of stale) bigStored.delete(key);
      await m.deleteBigTexts(stale);
    })
    .catch(() => {
      // Left for the next save to clean up: a stale text takes room, it is never read.
    });
}

function report(
  problem: Exclude<SaveProblem, { kind: "bigRefused" }> | { kind: "bigRefused"; chars: number },
): void {
  const s = useAppStore.getState();
  const was = s.saveProblem;
  if (
    was?.kind !== problem.kind ||
    (was.kind === "bigRefused" && problem.kind === "bigRefused" && was.chars !== problem.chars)
  )
    s.setSaveProblem(problem);
}

/**
 * The user chose: `mine` saves this tab's work over the other tab's;
 * `theirs` reloads the page, which restores what the other tab saved.
 */
export function resolveConflict(choice: "mine" | "theirs"): void {
  if (choice === "theirs") {
    location.reload();
    return;
  }
  seen = stampOf(storage()?.getItem(SESSION_KEY) ?? null);
  lastJson = "";
  useAppStore.getState().setSaveProblem(null);
  saveNow();
}

let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    saveNow();
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 300);
}

/** Saves from now on whenever the work changes; reports other tabs' saves. Call once, after the boot restored. */
export function startSaving(): void {
  useAppStore.subscribe((s, p) => {
    if (
      s.journal !== p.journal ||
      s.lines !== p.lines ||
      s.history !== p.history ||
      s.text !== p.text ||
      s.appliedText !== p.appliedText ||
      s.lessonId !== p.lessonId ||
      s.lessonStep !== p.lessonStep ||
      s.traceEntry !== p.traceEntry ||
      s.hop !== p.hop ||
      s.workspace !== p.workspace ||
      s.parked !== p.parked ||
      s.seed !== p.seed ||
      (p.restoring && !s.restoring)
    )
      schedule();
  });
  window.addEventListener("pagehide", () => saveNow());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") saveNow();
  });
  window.addEventListener("storage", (e) => {
    if (e.key !== SESSION_KEY || e.newValue === null) return;
    const other = stampOf(e.newValue);
    if (other && (other.tab !== seen?.tab || other.seq !== seen?.seq)) report({ kind: "conflict" });
  });
  schedule();
}

const ASIDE_KEY = "packetwalk-session-unrestored";

/** Keeps a record that did not replay, so nothing saved is lost (it can be inspected or shared from devtools). */
export function setAside(record: unknown): void {
  try {
    storage()?.setItem(ASIDE_KEY, JSON.stringify(record));
  } catch {
    // Storage full: the record is still what the page holds until the next save.
  }
}
