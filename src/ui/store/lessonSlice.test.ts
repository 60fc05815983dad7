import { beforeEach, describe, expect, it } from "vitest";
import type { Trace } from "../../engine/net/types";
import { useAppStore } from "./index";

const trace: Trace = {
  version: 2,
  mode: "iptables",
  source: { pod: "testnet", namespace: "default", ip: "10.244.1.5" },
  target: "web",
  hops: [],
  verdict: "delivered",
  cost: { rulesEvaluated: 0, lookups: 0 },
};

describe("lessonSlice", () => {
  beforeEach(() => {
    useAppStore.getState().chooseLesson(null);
    useAppStore.getState().setTrace(null);
  });

  it("holds the trace back until the student checks, then hands it to playback", () => {
    const s = useAppStore.getState();
    s.setPrediction({
      stepKey: "l/s",
      kind: "verdict",
      choices: ["delivered", "rejected"],
      answer: "delivered",
      trace,
      picked: null,
      checked: false,
    });
    s.checkPrediction();
    expect(useAppStore.getState().prediction?.checked).toBe(false);
    expect(useAppStore.getState().trace).toBeNull();
    s.pickChoice("rejected");
    s.checkPrediction();
    expect(useAppStore.getState().prediction).toMatchObject({ picked: "rejected", checked: true });
    expect(useAppStore.getState().trace).toBe(trace);
    s.pickChoice("delivered");
    expect(useAppStore.getState().prediction?.picked).toBe("rejected");
  });

  it("openLesson asks the player to bring the cluster to a step; chooseLesson starts at the first", () => {
    const s = useAppStore.getState();
    s.openLesson("seed-services", 3.7);
    expect(useAppStore.getState()).toMatchObject({ lessonId: "seed-services", lessonStep: 3, ranStep: -1 });
    s.setRanStep(3);
    s.chooseLesson("readiness");
    expect(useAppStore.getState()).toMatchObject({
      lessonId: "readiness",
      lessonStep: 0,
      ranStep: -1,
      prediction: null,
    });
  });
});
