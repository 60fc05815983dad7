import { useAppStore } from "../../store";
import { loadEngineSettings, saveEngineSettings } from "./scenarioStorage";

let open: () => void = () => {};
const booted = new Promise<void>((resolve) => {
  open = resolve;
});

/** Resolves once the page's first cluster is up; a shared link waits for it before replacing it. */
export function whenBooted(): Promise<void> {
  return booted;
}

/**
 * Called by the boot once the first cluster is up. From then on kube-proxy's
 * mode is saved whenever the engine reports a new one, so a reload restores it.
 */
export function markBooted(): void {
  open();
  useAppStore.subscribe((s, prev) => {
    const mode = s.view?.proxyMode;
    const scheduler = s.view?.ipvsScheduler;
    if (!mode || !scheduler) return;
    if (mode === prev.view?.proxyMode && scheduler === prev.view?.ipvsScheduler) return;
    const saved = loadEngineSettings();
    if (saved.mode !== mode || saved.scheduler !== scheduler)
      saveEngineSettings({ ...saved, mode, scheduler });
  });
}
