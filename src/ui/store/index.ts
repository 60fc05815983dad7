import { create } from "zustand";
import { persist } from "zustand/middleware";
import { createEditorSlice, type EditorSlice } from "./editorSlice";
import { createLessonSlice, type LessonSlice } from "./lessonSlice";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice";
import { createSettingsSlice, type SettingsSlice } from "./settingsSlice";
import { createSimSlice, type SimSlice } from "./simSlice";
import { createTerminalSlice, type TerminalSlice } from "./terminalSlice";

export type AppState = EditorSlice & SimSlice & PlaybackSlice & TerminalSlice & SettingsSlice & LessonSlice;

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
    }),
    {
      name: "packetwalk",
      version: 1,
      // What must survive a reload: the work typed, the user's settings, the lesson and step.
      partialize: (s) => ({
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
