import { useEffect } from "react";
import { useAppStore } from "../store";

/** Below this width a lesson's narration and the manifests cannot both sit beside a diagram that keeps half the screen. */
const ROOM_FOR_BOTH = 2200;

/**
 * A lesson in progress puts its narration beside the diagram: choosing one (or coming back to the
 * workbench with one, after a reload or presentation mode) opens the side panel on it, and
 * collapses the manifests where both would squeeze the diagram. The user may change both after.
 */
export function useLayoutRules(phone: boolean): void {
  useEffect(() => {
    if (phone) return;
    const get = useAppStore.getState;
    const showLesson = () => {
      const s = get();
      s.setSide("lesson");
      if (s.editorOpen && window.innerWidth < ROOM_FOR_BOTH) s.setEditorOpen(false);
    };
    if (get().lessonId) showLesson();
    return useAppStore.subscribe((s, prev) => {
      if (s.lessonId && s.lessonId !== prev.lessonId) showLesson();
    });
  }, [phone]);
}
