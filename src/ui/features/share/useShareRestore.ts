import { useEffect } from "react";
import { whenBooted } from "./bootGate";
import { decodeScenario, shareParam } from "./codec";
import { collectScenario } from "./collect";
import { holdLesson } from "./lessonBridge";
import { restoreScenario, stashCurrentWork } from "./restore";
import { useShareStatus } from "./shareStatus";

let started = false;

/** Opens the scenario in the page's fragment (`#s=…`), once the first cluster is up. */
async function openFromLocation(): Promise<void> {
  const encoded = shareParam(window.location.hash);
  if (encoded === null) return;
  const { setStatus } = useShareStatus.getState();
  const before = collectScenario();
  const resumeLesson = holdLesson();
  const decoded = await decodeScenario(encoded);
  await whenBooted();
  if (!decoded.ok) {
    resumeLesson();
    setStatus({ kind: "invalid", reason: decoded.error });
    return;
  }
  const replaced = stashCurrentWork(before, decoded.value);
  await restoreScenario(decoded.value);
  // The scenario now lives in the app's saved state: a reload keeps it, and
  // later edits are not overwritten by the link again.
  history.replaceState(history.state, "", `${window.location.pathname}${window.location.search}`);
  setStatus({ kind: "restored", replaced });
}

/**
 * Reads a share link from the address on load (and when a link is pasted
 * into this tab, which only changes the fragment) and restores its scenario.
 */
export function useShareRestore(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    void openFromLocation();
    window.addEventListener("hashchange", () => void openFromLocation());
  }, []);
}
