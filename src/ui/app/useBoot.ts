import { useEffect } from "react";
import { markBooted } from "../features/share/bootGate";
import { loadEngineSettings } from "../features/share/scenarioStorage";
import { useAppStore } from "../store";
import { refreshView } from "../store/actions";
import { EDITOR_FILE } from "../store/editorSlice";
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
      // The seed and kube-proxy's mode live in the engine: restore them as they were saved.
      const saved = loadEngineSettings();
      const report = await engine.reset({ seed: saved.seed }, files);
      if (files.length) s.markApplied(s.appliedText, report.errors);
      await engine.setProxyMode(saved.mode, saved.scheduler);
      await refreshView();
      markBooted();
    })();
  }, []);
}
