import { useAppStore } from "../../store";
import { EDITOR_FILE } from "../../store/editorSlice";
import { currentLesson } from "./lessonBridge";
import { SCENARIO_VERSION, type Scenario } from "./scenario";
import { loadEngineSettings } from "./scenarioStorage";

/**
 * The current scenario, as a share link carries it.
 * NOTE: the applied manifests are what the editor applied; objects created
 * or changed only from the terminal (`kubectl create`, `kubectl scale`) are
 * not part of a link.
 */
export function collectScenario(): Scenario {
  const s = useAppStore.getState();
  const saved = loadEngineSettings();
  const scenario: Scenario = {
    v: SCENARIO_VERSION,
    seed: saved.seed,
    manifests: s.appliedText ? [{ name: EDITOR_FILE, text: s.appliedText }] : [],
    mode: s.view?.proxyMode ?? saved.mode,
    scheduler: s.view?.ipvsScheduler ?? saved.scheduler,
    language: s.language,
  };
  if (s.text !== s.appliedText) scenario.editor = s.text;
  const lesson = currentLesson();
  if (lesson) scenario.lesson = lesson;
  return scenario;
}
