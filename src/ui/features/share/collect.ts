import { useAppStore } from "../../store";
import { EDITOR_FILE } from "../../store/editorSlice";
import { PHASES } from "../trace/phases";
import { currentLesson } from "./lessonBridge";
import { SHARE_LIMITS } from "./limits";
import { SCENARIO_VERSION, type Scenario } from "./scenario";
import { loadEngineSettings } from "./scenarioStorage";

/**
 * The current scenario, as a share link carries it.
 * The manifests are every apply since the cluster was built, in order.
 * NOTE: objects created or changed only from the terminal (`kubectl create`,
 * `kubectl scale`) are not part of a link.
 */
export function collectScenario(): Scenario {
  const s = useAppStore.getState();
  const saved = loadEngineSettings();
  const scenario: Scenario = {
    v: SCENARIO_VERSION,
    seed: saved.seed,
    manifests: s.appliedFiles.length
      ? withinFileLimit(s.appliedFiles)
      : s.appliedText
        ? [{ name: EDITOR_FILE, text: s.appliedText }]
        : [],
    mode: s.view?.proxyMode ?? saved.mode,
    scheduler: s.view?.ipvsScheduler ?? saved.scheduler,
    language: s.language,
  };
  if (s.text !== s.appliedText) scenario.editor = s.text;
  const lesson = currentLesson();
  if (lesson) scenario.lesson = lesson;
  // A lesson's step sends its own packets; otherwise the packets sent since the last apply, and
  // where the reader stands in the last one's trace.
  // NOTE: packets sent before the last apply or mode change are not carried: they drew from the
  // same seeded generator, so a cluster they preceded may name its pods differently.
  else if (s.sent.length) {
    scenario.packets = s.sent.slice(-SHARE_LIMITS.packets);
    if (s.trace && s.hop >= 0) scenario.trace = { hop: s.hop, folded: PHASES.filter((p) => !s.phases[p]) };
  }
  return scenario;
}

/**
 * At most SHARE_LIMITS.manifestFiles files: the oldest applies are joined
 * into one multi-document file, which applies its documents in the same order.
 */
function withinFileLimit(files: readonly { name: string; text: string }[]): { name: string; text: string }[] {
  const max = SHARE_LIMITS.manifestFiles;
  if (files.length <= max) return files.map((f) => ({ name: f.name, text: f.text }));
  const old = files.slice(0, files.length - max + 1);
  const joined = { name: EDITOR_FILE, text: old.map((f) => f.text.replace(/\n*$/, "\n")).join("---\n") };
  return [joined, ...files.slice(files.length - max + 1).map((f) => ({ name: f.name, text: f.text }))];
}
