import { useEffect } from "react";
import { EXAMPLES } from "../../examples";
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
    engine.onApplied((files) => useAppStore.getState().setAppliedFiles(files));
    engine.onNotice((n) => {
      useAppStore.getState().setNotice({ key: "notice.restarted", values: { reason: `notice.${n.reason}` } });
      void refreshView();
    });
    void (async () => {
      const s = useAppStore.getState();
      // Everything applied before, in order (older saves kept only the last apply).
      const files = s.appliedFiles.length
        ? s.appliedFiles
        : s.appliedText
          ? [{ name: EDITOR_FILE, text: s.appliedText }]
          : [];
      // The seed and kube-proxy's mode live in the engine: restore them as they were saved.
      const saved = loadEngineSettings();
      const report = await engine.reset({ seed: saved.seed }, files);
      s.clearSent();
      if (files.length) s.markApplied(s.appliedText, report.errors, report.results.length);
      else if (isFirstVisit()) await offerFirstExample();
      await engine.setProxyMode(saved.mode, saved.scheduler);
      await refreshView();
      markBooted();
    })();
  }, []);
}

/** Nothing saved, no lesson, no share link: a first visit. */
function isFirstVisit(): boolean {
  const s = useAppStore.getState();
  return !s.text && !s.appliedText && !s.lessonId && !location.hash.includes("s=");
}

/**
 * A first visit finds the seed lesson's first manifests in the editor, not
 * yet applied: Apply is the first thing to try, and the cluster stays fresh
 * (so manifests with Nodes or a ClusterConfiguration still rebuild it).
 */
async function offerFirstExample(): Promise<void> {
  const load = EXAMPLES["./01-clusterip.yaml"];
  const text = load ? await load() : "";
  // Whatever the user typed while the example was on its way is theirs: the example never replaces it.
  if (text && !useAppStore.getState().text) useAppStore.getState().setText(text);
}
