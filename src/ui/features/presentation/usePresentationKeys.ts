import { useEffect } from "react";
import type { Lesson } from "../../../lessons/types";
import { useAppStore } from "../../store";
import { nextBeat, previousBeat } from "./beats";
import { toggleFullscreen } from "./fullscreen";

/**
 * The presenter's keys: → / PageDown next beat (the packet's next hop, then
 * the next step), ← / PageUp back, Space plays or pauses the packet, Q the QR
 * code, F full screen, Esc closes the QR code or leaves. Keys typed into a
 * field (a prediction's radio buttons, a select) stay with the field.
 */
export function usePresentationKeys(
  lesson: Lesson | null,
  root: React.RefObject<HTMLElement | null>,
  leave: () => void,
  qr: { open: boolean; toggle: () => void },
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "Escape") {
        e.preventDefault();
        if (qr.open) qr.toggle();
        else leave();
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      const s = useAppStore.getState();
      if ((e.key === "ArrowRight" || e.key === "PageDown") && lesson) {
        e.preventDefault();
        void nextBeat(lesson);
      } else if ((e.key === "ArrowLeft" || e.key === "PageUp") && lesson) {
        e.preventDefault();
        void previousBeat(lesson);
      } else if (e.key === " ") {
        e.preventDefault();
        if (s.playing) s.pause();
        else s.play();
      } else if (e.key === "q" || e.key === "Q") {
        e.preventDefault();
        qr.toggle();
      } else if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        void toggleFullscreen(root.current);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [lesson, root, leave, qr]);
}
