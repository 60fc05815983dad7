/**
 * Going back to one's own work while the engine is slow: the user's workspace is rebuilt by a
 * replay that takes as long as the engine does, and the user's draft must be theirs from the
 * moment their workspace is on screen (and stay theirs if the replay never finishes).
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAppStore } from "../store";
import type { ReplayEngine } from "./replay";
import { simulationEngine } from "./simulationEngine.testkit";

/** The page's engine: a Simulation whose every call waits until the test lets the engine answer. */
const held = vi.hoisted(() => {
  const state = {
    open: Promise.resolve(),
    release: () => {},
    failing: false,
    hold() {
      state.open = new Promise<void>((resolve) => {
        state.release = resolve;
      });
    },
  };
  return state;
});

const sim = simulationEngine();

async function slow<T>(call: () => T | Promise<T>): Promise<T> {
  await held.open;
  if (held.failing) throw new Error("the engine stopped answering (hung)");
  return call();
}

vi.mock("./engines", () => ({
  clientEngine: new Proxy({} as ReplayEngine, {
    get:
      (_, key: keyof ReplayEngine) =>
      (...args: unknown[]) =>
        slow(() => (sim.engine[key] as (...a: unknown[]) => Promise<unknown>)(...args)),
  }),
}));
vi.mock("../worker/client", () => ({
  engine: {
    call: (fn: (api: { view(): unknown; prompt(): unknown }) => Promise<unknown>) =>
      slow(() => fn({ view: () => sim.sim().view(), prompt: () => sim.sim().prompt() })),
  },
}));

const { backToOwn, enterLesson } = await import("./workspaces");
const { currentRecord } = await import("./current");

const MINE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  ports:\n    - port: 80\n";
const DRAFT = `${MINE}# still editing\n`;
const LESSON = "apiVersion: v1\nkind: Service\nmetadata:\n  name: clusterip-service\n";

/** The user applied MINE, created a deployment, kept editing, then opened a lesson whose step shows its file. */
function inLessonWithParkedDraft(): void {
  const s = useAppStore.getState();
  s.setWorkspace("own", null);
  s.startCluster(1, undefined, [
    { op: "apply", files: [{ name: "manifests.yaml", text: MINE }] },
    { op: "run", line: "kubectl create deployment api --image=nginx --replicas=2" },
  ]);
  s.markApplied(MINE, []);
  s.setText(DRAFT);
  enterLesson("seed-services");
  useAppStore.getState().setText(LESSON);
  useAppStore.getState().markApplied(LESSON, []);
}

describe("Back to my work while the engine is still busy", () => {
  beforeEach(() => {
    held.failing = false;
    held.open = Promise.resolve();
    inLessonWithParkedDraft();
  });

  it("puts the user's draft in the editor as their workspace goes on screen, not once the replay ends", async () => {
    held.hold();
    const back = backToOwn();
    // The lesson's bar and player are gone: what the editor holds now is the user's.
    expect(useAppStore.getState().workspace).toBe("own");
    expect(useAppStore.getState().lessonId).toBeNull();
    expect(useAppStore.getState().text).toBe(DRAFT);
    held.release();
    await back;
    expect(useAppStore.getState().text).toBe(DRAFT);
    expect(useAppStore.getState().appliedText).toBe(MINE);
    expect(currentRecord(useAppStore.getState()).draft).toBe(DRAFT);
    expect((await sim.engine.view()).pods.filter((p) => p.name.startsWith("api-"))).toHaveLength(2);
  });

  it("keeps the user's draft when the replay fails (the next save must not lose it)", async () => {
    held.failing = true;
    await expect(backToOwn()).rejects.toThrow(/hung/);
    const s = useAppStore.getState();
    expect(s.workspace).toBe("own");
    expect(s.restoring).toBe(false);
    expect(s.text).toBe(DRAFT);
    expect(currentRecord(s).draft).toBe(DRAFT);
  });

  it("keeps what the user typed while their workspace was being rebuilt", async () => {
    held.hold();
    const back = backToOwn();
    useAppStore.getState().setText(`${DRAFT}# typed meanwhile\n`);
    held.release();
    await back;
    expect(useAppStore.getState().text).toBe(`${DRAFT}# typed meanwhile\n`);
  });
});
