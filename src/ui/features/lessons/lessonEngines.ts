/**
 * The two ways a step reaches the engine. `visible` goes through the store's
 * actions, so the editor shows the manifests, the terminal the commands and
 * their output, the trace panel the packet. `quiet` replays earlier steps
 * straight into the engine when the cluster is rebuilt.
 */
import { buildPrediction } from "../../../lessons/predict";
import type { LessonEngine } from "../../../lessons/runStep";
import { useAppStore } from "../../store";
import {
  applyEditor,
  refreshView,
  runCommand,
  sendBurst,
  sendPacket,
  setProxyMode,
} from "../../store/actions";
import { EDITOR_FILE } from "../../store/editorSlice";
import { engine } from "../../worker/client";

const get = useAppStore.getState;

/** A pod's readiness, as its probe would report it. */
export async function setPodReady(namespace: string, name: string, ready: boolean): Promise<void> {
  await engine.call((api) => api.setPodReady(namespace, name, ready));
  await refreshView();
}

/**
 * `stepKey` names the step (`lessonId/stepId`). When the step asks a
 * prediction, traces its commands produce (a `curl`) are not shown either:
 * the student predicts first, and the packet is revealed on Check.
 */
export function visibleEngine(stepKey: string, predicts: boolean): LessonEngine {
  return {
    setProxyMode: (mode, scheduler) => setProxyMode(mode, scheduler),
    apply: async (text) => {
      get().setText(text);
      await applyEditor();
    },
    setPodReady,
    run: async (line) => {
      await runCommand(line);
      if (predicts) get().setTrace(null);
    },
    send: async (request, predict) => {
      if (!predict) {
        await sendPacket(request);
        return;
      }
      // Predict first, observe after: the engine's trace is held back until the student checks.
      const trace = await engine.call((api) => api.send(request));
      await refreshView();
      const p = buildPrediction(predict, trace, get().view);
      get().setPrediction({ stepKey, ...p, trace, picked: null, checked: false });
    },
    burst: async (request, count) => {
      const result = await sendBurst(request, count);
      get().setLessonBurst(result);
    },
    view: async () => get().view,
  };
}

export const quietEngine: LessonEngine = {
  setProxyMode: (mode, scheduler) => engine.setProxyMode(mode, scheduler),
  apply: async (text) => {
    await engine.apply([{ name: EDITOR_FILE, text }]);
  },
  setPodReady: (namespace, name, ready) => engine.call((api) => api.setPodReady(namespace, name, ready)),
  run: async (line) => {
    await engine.call((api) => api.run(line));
  },
  send: async (request) => {
    await engine.call((api) => api.send(request));
  },
  burst: async (request, count) => {
    await engine.call((api) => api.burst(request, count));
  },
  view: () => engine.call((api) => api.view()),
};
