import { create } from "zustand";
import { type PersistStorage, persist, type StorageValue } from "zustand/middleware";
import type { ManifestFile } from "../../engine/simulation";
import { createEditorSlice, type EditorSlice } from "./editorSlice";
import { createLayoutSlice, type LayoutSlice } from "./layoutSlice";
import { createLessonSlice, type LessonSlice } from "./lessonSlice";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice";
import { createSettingsSlice, type SettingsSlice } from "./settingsSlice";
import { createSimSlice, type SimSlice } from "./simSlice";
import { createTerminalSlice, type TerminalSlice } from "./terminalSlice";

export type AppState = EditorSlice &
  SimSlice &
  PlaybackSlice &
  TerminalSlice &
  SettingsSlice &
  LessonSlice &
  LayoutSlice;

/**
 * One store of typed slices. Components always read it through a selector;
 * per-frame animation state never goes through it.
 */
export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createEditorSlice(...a),
      ...createSimSlice(...a),
      ...createPlaybackSlice(...a),
      ...createTerminalSlice(...a),
      ...createSettingsSlice(...a),
      ...createLessonSlice(...a),
      ...createLayoutSlice(...a),
    }),
    {
      name: "packetwalk",
      version: 1,
      storage: idleStorage(),
      // What must survive a reload: the work typed, the user's settings, the lesson and step.
      partialize: (s): Persisted => ({
        text: s.text,
        appliedText: s.appliedText,
        appliedFiles: s.appliedFiles,
        history: s.history,
        language: s.language,
        theme: s.theme,
        lessonId: s.lessonId,
        lessonStep: s.lessonStep,
      }),
    },
  ),
);

/** What the store keeps across reloads. */
interface Persisted {
  text: string;
  appliedText: string;
  appliedFiles: ManifestFile[];
  history: string[];
  language: AppState["language"];
  theme: AppState["theme"];
  lessonId: AppState["lessonId"];
  lessonStep: AppState["lessonStep"];
}

/** The big texts, stored apart under `name:key` so each is written raw and only when it changed. */
type Blobs = Record<string, string>;

/**
 * localStorage for the persist middleware, written off the busy path: a
 * change is saved when the browser is idle (and at once when the page is
 * hidden or unloads), only if a persisted field changed, and the manifests'
 * texts go to keys of their own, written only when they changed. Writing
 * several MB of JSON on every store change would block the main thread.
 */
function idleStorage(): PersistStorage<Persisted> {
  let pending: { name: string; value: StorageValue<Persisted> } | null = null;
  let saved: Persisted | null = null;
  const written = new Map<string, string>();
  let scheduled = false;

  const put = (key: string, text: string) => {
    if (written.get(key) === text) return;
    localStorage.setItem(key, text);
    written.set(key, text);
  };
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const { name, value } = pending;
    pending = null;
    try {
      const blobs: Blobs = {};
      const ref = (text: string) => {
        const key =
          Object.keys(blobs).find((k) => blobs[k] === text) ?? `${name}:blob${Object.keys(blobs).length}`;
        blobs[key] = text;
        return key;
      };
      const { text, appliedText, appliedFiles, ...small } = value.state;
      const stored = {
        ...small,
        textRef: ref(text),
        appliedTextRef: ref(appliedText),
        appliedFiles: appliedFiles.map((f) => ({ name: f.name, textRef: ref(f.text) })),
      };
      for (const [key, blob] of Object.entries(blobs)) put(key, blob);
      for (const key of [...written.keys()])
        if (!(key in blobs) && key !== name) {
          localStorage.removeItem(key);
          written.delete(key);
        }
      put(name, JSON.stringify({ state: stored, version: value.version }));
    } catch {
      // NOTE: a full or disabled localStorage loses the save, as the default storage would.
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === "function") requestIdleCallback(flush, { timeout: 2000 });
    else setTimeout(flush, 500);
  };
  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
  }

  return {
    getItem(name) {
      const raw = localStorage.getItem(name);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as StorageValue<Record<string, unknown>>;
      const state = parsed.state;
      // Saves before the texts moved out hold them inline.
      if (typeof state.textRef !== "string") return parsed as unknown as StorageValue<Persisted>;
      const blob = (key: unknown) => {
        const text = typeof key === "string" ? (localStorage.getItem(key) ?? "") : "";
        if (typeof key === "string") written.set(key, text);
        return text;
      };
      const { textRef, appliedTextRef, appliedFiles, ...small } = state;
      const files = Array.isArray(appliedFiles) ? (appliedFiles as { name: string; textRef: string }[]) : [];
      written.set(name, raw);
      return {
        version: parsed.version,
        state: {
          ...(small as Omit<Persisted, "text" | "appliedText" | "appliedFiles">),
          text: blob(textRef),
          appliedText: blob(appliedTextRef),
          appliedFiles: files.map((f) => ({ name: f.name, text: blob(f.textRef) })),
        },
      };
    },
    setItem(name, value) {
      const same =
        saved !== null &&
        (Object.keys(value.state) as (keyof Persisted)[]).every((k) => saved![k] === value.state[k]);
      if (same) return;
      saved = value.state;
      pending = { name, value };
      schedule();
    },
    removeItem(name) {
      pending = null;
      localStorage.removeItem(name);
    },
  };
}
