import { useEffect } from "react";
import { useAppStore } from "../store";
import { EDITOR_FILE } from "../store/editorSlice";
import { refreshView } from "../store/actions";
import { engine } from "../worker/client";

let booted = false;

/**
 * Starts the engine once per page: a fresh cluster, then the applied
 * manifests the user had (so a reload keeps the cluster as it was).
 */
export function useBoot() {
  useEffect(() => {
    if (booted) return;
    booted = true;
    engine.onNotice((n) => {
      useAppStore.getState().setNotice({ key: "notice.restarted", values: { reason: `notice.${n.reason}` } });
      void refreshView();
    });
    void (async () => {
      const s = useAppStore.getState();
      const files = s.appliedText ? [{ name: EDITOR_FILE, text: s.appliedText }] : [];
      const report = await engine.reset({ seed: 1 }, files);
      if (files.length) s.markApplied(s.appliedText, report.errors);
      await refreshView();
    })();
  }, []);
}
