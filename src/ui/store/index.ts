import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { createEditorSlice, type EditorSlice } from "./editorSlice";
import { createLayoutSlice, type LayoutSlice } from "./layoutSlice";
import { createLessonSlice, type LessonSlice } from "./lessonSlice";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice";
import { createSessionSlice, type SessionSlice } from "./sessionSlice";
import { createSettingsSlice, LANGUAGES, type SettingsSlice, THEMES } from "./settingsSlice";
import { settingsStorage } from "./settingsStorage";
import { createSimSlice, type SimSlice } from "./simSlice";
import { createTerminalSlice, type TerminalSlice } from "./terminalSlice";

export type AppState = EditorSlice &
  SimSlice &
  PlaybackSlice &
  TerminalSlice &
  SettingsSlice &
  LessonSlice &
  SessionSlice &
  LayoutSlice;

/**
 * One store of typed slices. Components always read it through a selector;
 * per-frame animation state never goes through it. The settings persist here;
 * the work (the session record) is saved by session/persistence.ts.
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
      ...createSessionSlice(...a),
      ...createLayoutSlice(...a),
    }),
    {
      name: "packetwalk-settings",
      version: 2,
      storage: createJSONStorage(settingsStorage),
      partialize: (s) => ({ language: s.language, theme: s.theme }),
      // Storage is editable by anyone with devtools: only known values are taken.
      merge: (saved, current) => {
        const s = (typeof saved === "object" && saved !== null ? saved : {}) as Record<string, unknown>;
        return {
          ...current,
          language: LANGUAGES.find((l) => l === s.language) ?? current.language,
          theme: THEMES.find((t) => t === s.theme) ?? current.theme,
        };
      },
    },
  ),
);
