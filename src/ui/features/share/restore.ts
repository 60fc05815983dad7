import type { ApplyReport } from "../../../engine/simulation";
import { useAppStore } from "../../store";
import { refreshView, runCommand, sendBurst, sendPacket } from "../../store/actions";
import { engine } from "../../worker/client";
import { filterFolding } from "../trace/phases";
import { openLesson } from "./lessonBridge";
import type { Scenario } from "./scenario";
import { saveEngineSettings } from "./scenarioStorage";

const STASH_KEY = "packetwalk-before-share";

/**
 * Rebuilds a scenario: a fresh cluster with its seed, its manifests applied
 * through the engine's own parsing and validation (refusals become editor
 * markers, as for any apply), its mode, language and lesson.
 */
export async function restoreScenario(scenario: Scenario): Promise<ApplyReport> {
  const report = await engine.reset({ seed: scenario.seed }, scenario.manifests);
  await engine.setProxyMode(scenario.mode, scenario.scheduler);
  for (const f of scenario.manifests) await engine.call((api) => api.writeFile(f.name, f.text));
  saveEngineSettings({ seed: scenario.seed, mode: scenario.mode, scheduler: scenario.scheduler });
  const applied = scenario.manifests.map((f) => f.text).join("\n---\n");
  const s = useAppStore.getState();
  s.markApplied(applied, report.errors, report.results.length);
  s.setText(scenario.editor ?? applied);
  s.setLanguage(scenario.language);
  s.setTrace(null);
  s.clearSent();
  openLesson(scenario.lesson);
  await refreshView();
  if (!scenario.lesson) await replayPackets(scenario);
  return report;
}

/**
 * Sends the link's packets again, in order, as the user sent them (the same seed, so the same
 * draws and the same traces), and puts the reader where the link was made in the last trace.
 */
async function replayPackets(scenario: Scenario): Promise<void> {
  for (const p of scenario.packets ?? []) {
    if ("send" in p) await sendPacket(p.send);
    else if ("burst" in p) await sendBurst(p.burst, p.count);
    else await runCommand(p.run);
  }
  const s = useAppStore.getState();
  if (!scenario.trace || !s.trace) return;
  s.pause();
  s.setPhases(filterFolding(scenario.trace.folded));
  s.setHop(Math.min(scenario.trace.hop, s.trace.hops.length - 1));
  s.setSide("trace");
}

/** Keeps the user's own work (`current`) aside before a shared link replaces it; true if there was any. */
export function stashCurrentWork(current: Scenario, incoming: Scenario): boolean {
  const hasWork = current.manifests.some((f) => f.text.trim()) || Boolean(current.editor?.trim());
  if (!hasWork) return false;
  const same = JSON.stringify({ ...current, language: "" }) === JSON.stringify({ ...incoming, language: "" });
  if (same) return false;
  try {
    localStorage.setItem(STASH_KEY, JSON.stringify(current));
  } catch {
    return false;
  }
  return true;
}

/** The work kept aside by the last shared link, if any (unvalidated JSON: validate before use). */
export function stashedWork(): unknown {
  try {
    return JSON.parse(localStorage.getItem(STASH_KEY) ?? "null");
  } catch {
    return null;
  }
}

export function clearStash(): void {
  try {
    localStorage.removeItem(STASH_KEY);
  } catch {
    // NOTE: storage disabled: nothing was stashed either.
  }
}
