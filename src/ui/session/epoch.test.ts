import { describe, expect, it } from "vitest";
import { useAppStore } from "../store";
import { guardedEngine, WorkspaceLeft, workspaceWatch } from "./epoch";
import type { ReplayEngine } from "./replay";
import { simulationEngine } from "./simulationEngine.testkit";

const SVC = "apiVersion: v1\nkind: Service\nmetadata:\n  name: lesson\nspec:\n  ports:\n    - port: 80\n";

describe("work belongs to the workspace it started in", () => {
  it("a watch goes false when another workspace is put on screen, not when the one on screen is kept", () => {
    const s = useAppStore.getState();
    s.setWorkspace("share", null);
    const live = workspaceWatch();
    s.setWorkspace("own", null, true);
    expect(live()).toBe(true);
    s.setWorkspace("lesson", null);
    expect(live()).toBe(false);
    s.setWorkspace("own", null);
    expect(live()).toBe(false);
  });

  it("an engine guarded for a lesson refuses its calls once the user went back to their work", async () => {
    const { engine: target } = simulationEngine();
    const s = useAppStore.getState();
    s.setWorkspace("lesson", null);
    const lesson: ReplayEngine = guardedEngine(target, workspaceWatch());
    await lesson.reset({ seed: 1 });
    expect((await lesson.apply([{ name: "lesson.yaml", text: SVC }])).errors).toEqual([]);
    s.setWorkspace("own", null);
    await target.reset({ seed: 1 });
    await expect(lesson.apply([{ name: "lesson.yaml", text: SVC }])).rejects.toBeInstanceOf(WorkspaceLeft);
    await expect(lesson.run("kubectl run testnet --image=nicolaka/netshoot")).rejects.toBeInstanceOf(
      WorkspaceLeft,
    );
    // The user's cluster holds nothing of the lesson's.
    const view = await target.view();
    expect(view.services.map((v) => v.name)).not.toContain("lesson");
    expect(view.pods.map((p) => p.name)).not.toContain("testnet");
  });
});
