/**
 * Opens a share link: read and checked, then tried in a throwaway engine of
 * its own; only a scenario that replays whole (no refusal, no engine failure)
 * is shown, in a workspace of its own with the user's work parked. A link
 * that fails is refused with the reason, and nothing the user has is touched.
 */
import { clientOf } from "../../session/engines";
import type { SessionRecord } from "../../session/record";
import { replayRecord } from "../../session/replay";
import { lessonReplayer } from "../../session/restore";
import { backToOwn, openGuest } from "../../session/workspaces";
import { useAppStore } from "../../store";
import { scratchEngine } from "../../worker/client";
import { whenBooted } from "./bootGate";
import { decodeShare, shareParam } from "./codec";
import { useShareStatus } from "./shareStatus";

/** Replays `record` in a scratch engine; the reason it does not apply, or null. */
export async function tryRecord(record: SessionRecord): Promise<string | null> {
  const scratch = scratchEngine();
  try {
    const outcome = await replayRecord(clientOf(scratch), record, lessonReplayer);
    return outcome.firstRefusal ?? null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    scratch.dispose();
  }
}

/** Opens the link in the page's fragment (`#s=…`), if any. */
export async function openFromLocation(): Promise<void> {
  const encoded = shareParam(window.location.hash);
  if (encoded === null) return;
  const { setStatus } = useShareStatus.getState();
  setStatus({ kind: "opening" });
  // The fragment is consumed at once: a reload shows the saved work, never the link again.
  history.replaceState(history.state, "", `${window.location.pathname}${window.location.search}`);
  const decoded = await decodeShare(encoded);
  await whenBooted();
  if (!decoded.ok) {
    setStatus({ kind: "invalid", reason: decoded.error });
    return;
  }
  const refusal = await tryRecord(decoded.value.record);
  if (refusal !== null) {
    setStatus({ kind: "refused", reason: refusal });
    return;
  }
  useAppStore.getState().setLanguage(decoded.value.language);
  try {
    await openGuest("share", decoded.value.record);
    setStatus({ kind: "opened" });
  } catch (e) {
    await backToOwn().catch(() => undefined);
    setStatus({ kind: "refused", reason: e instanceof Error ? e.message : String(e) });
  }
}
