import { useEffect } from "react";
import { EXAMPLES } from "../../examples";
import { markBooted } from "../features/share/bootGate";
import { currentRecord } from "../session/current";
import { remoteEngine } from "../session/engines";
import { loadSession, setAside, startSaving } from "../session/persistence";
import { emptyRecord } from "../session/record";
import { ReplayError, replayRecord } from "../session/replay";
import { lessonReplayer, showWorkspace } from "../session/restore";
import type { Workspace } from "../session/stored";
import { useAppStore } from "../store";
import { refreshView } from "../store/actions";
import { engine } from "../worker/client";

let booted = false;
const get = useAppStore.getState;

/**
 * Starts the engine once per page and restores the saved workspace (the
 * user's own, or the lesson or shared link that was on screen) by replaying
 * its record. A record that does not replay never bricks the page: a guest
 * falls back to the user's own work, and the user's own keeps what replays.
 */
export function useBoot() {
  useEffect(() => {
    if (booted) return;
    booted = true;
    engine.setReplayer(async (api) => {
      const s = get();
      // A workspace being restored is rebuilt by its own restore, which sees the failure.
      if (s.restoring) throw new Error("a workspace was being restored");
      await replayRecord(remoteEngine(api), currentRecord(s), lessonReplayer);
    });
    engine.onNotice((n) => {
      get().setNotice(
        n.restored
          ? { key: "notice.restarted", values: { reason: `notice.${n.reason}` } }
          : { key: "notice.notRestored", values: { reason: `notice.${n.reason}`, error: n.error ?? "" } },
      );
      void refreshView();
    });
    void boot();
  }, []);
}

async function boot(): Promise<void> {
  const loaded = await loadSession();
  if (loaded.disabled) get().setSaveProblem({ kind: "disabled" });
  if (loaded.unreadable) get().setNotice({ key: "session.unreadable", values: { error: loaded.unreadable } });
  const saved = loaded.saved;
  if (!saved) await fresh();
  else {
    try {
      await showWorkspace(saved.active, saved.current, saved.parked);
    } catch (e) {
      if (saved.parked) {
        get().setNotice({ key: "session.guestFailed", values: { error: message(e) } });
        await restoreOwn(saved.parked);
      } else await restoreOwn(saved.current);
    }
  }
  startSaving();
  markBooted();
}

/** The user's own work; what does not replay is kept aside and the part before it shown. */
async function restoreOwn(own: Workspace): Promise<void> {
  try {
    await showWorkspace("own", own, null);
    return;
  } catch (e) {
    setAside(own.record);
    const at = e instanceof ReplayError ? e.entry : -1;
    get().setNotice({ key: "session.ownFailed", values: { error: message(e), entry: String(at + 1) } });
    if (at <= 0) {
      await fresh();
      return;
    }
    const { trace: _, ...kept } = own.record;
    await showWorkspace(
      "own",
      { record: { ...kept, journal: own.record.journal.slice(0, at) }, ui: own.ui },
      null,
    ).catch(() => fresh());
  }
}

async function fresh(): Promise<void> {
  await showWorkspace("own", { record: emptyRecord(), ui: { lines: [], history: [] } }, null).catch(
    () => undefined,
  );
  if (isFirstVisit()) await offerFirstExample();
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Nothing saved, no share link: a first visit. */
function isFirstVisit(): boolean {
  const s = get();
  return !s.text && s.journal.length === 0 && s.workspace === "own" && !location.hash.includes("s=");
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
  if (text && !get().text) get().setText(text);
}
