import { useEffect } from "react";
import { useAppStore } from "../../store";

/** Space plays/pauses, ← and → step — unless the user is typing somewhere. */
export function usePlaybackKeys(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable], .monaco-editor")) return;
      const s = useAppStore.getState();
      if (e.key === " ") {
        e.preventDefault();
        if (s.playing) s.pause();
        else s.play();
      } else if (e.key === "ArrowRight") s.stepForward();
      else if (e.key === "ArrowLeft") s.stepBack();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
