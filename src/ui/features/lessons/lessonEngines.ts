/**
 * The two ways a step reaches the engine. `visible` goes through the store's
 * actions (not journaled: the lesson's position replays it), so the editor
 * shows the manifests, the terminal the commands and their output, the trace
 * panel the packet. `quiet` replays steps straight into an engine when the
 * cluster is rebuilt, and remembers what the last step left on screen.
 */

import type { Trace } from "../../../engine/net/types";
import type { TopologyView } from "../../../engine/view/topology";
import { buildPrediction } from "../../../lessons/predict";
import type { ClusterEngine, LessonEngine } from "../../../lessons/runStep";
import { WorkspaceLeft } from "../../session/epoch";
import type { LessonBase, ReplayEngine } from "../../session/replay";
import { useAppStore } from "../../store";
import {
  applyEditor,
  refreshView,
  runCommand,
  sendBurst,
  sendPacket,
  setPodReady,
  setProxyMode,
  showTrace,
} from "../../store/actions";
import { EDITOR_FILE } from "../../store/editorSlice";
import { engine } from "../../worker/client";

const get = useAppStore.getState;
const unjournaled = { journal: false } as const;

/**
 * `stepKey` names the step (`lessonId/stepId`). When the step asks a
 * prediction, traces its commands produce (a `curl`) are not shown either:
 * the student predicts first, and the packet is revealed on Check. `live`
 * says whether the lesson's workspace is still on screen: once it is not,
 * every operation throws WorkspaceLeft and the step stops.
 */
export function visibleEngine(stepKey: string, predicts: boolean, live: () => boolean): LessonEngine {
  const ops: LessonEngine = {
    setProxyMode: (mode, scheduler) => setProxyMode(mode, scheduler, unjournaled),
    apply: async (text) => {
      get().setText(text);
      await applyEditor(unjournaled);
    },
    show: async (text) => {
      get().setText(text);
      get().markApplied(text, []);
    },
    setPodReady: (namespace, name, ready) => setPodReady(namespace, name, ready, unjournaled),
    run: async (line, how) => {
      if (how.quiet) await engine.call((api) => api.run(line));
      else await runCommand(line, unjournaled);
      if (!live()) throw new WorkspaceLeft();
      if (predicts) showTrace(null, undefined);
    },
    send: async (request, predict) => {
      if (!predict) {
        await sendPacket(request, unjournaled);
        return;
      }
      // Predict first, observe after: the engine's trace is held back until the student checks.
      const trace = await engine.call((api) => api.send(request));
      await refreshView();
      if (!live()) throw new WorkspaceLeft();
      setPrediction(stepKey, predict, trace, get().view);
    },
    burst: async (request, count) => {
      const result = await sendBurst(request, count, { ...unjournaled, keepTrace: true });
      if (!live()) throw new WorkspaceLeft();
      get().setLessonBurst(result);
    },
    view: async () => get().view,
  };
  const guarded: Partial<Record<keyof LessonEngine, unknown>> = {};
  for (const key of Object.keys(ops) as (keyof LessonEngine)[]) {
    const op = ops[key] as (...args: unknown[]) => Promise<unknown>;
    guarded[key] = async (...args: unknown[]) => {
      if (!live()) throw new WorkspaceLeft();
      const result = await op(...args);
      if (!live()) throw new WorkspaceLeft();
      return result;
    };
  }
  return guarded as LessonEngine;
}

/** Puts a held-back prediction on screen. */
export function setPrediction(
  stepKey: string,
  kind: Parameters<typeof buildPrediction>[0],
  trace: Trace,
  view: TopologyView | null,
): void {
  const p = buildPrediction(kind, trace, view);
  get().setPrediction({ stepKey, ...p, trace, picked: null, checked: false });
}

/** What a quiet replay left on screen. */
export type QuietCapture = LessonBase;

export function emptyCapture(): QuietCapture {
  return { editorText: "", trace: null, burst: null, sentView: null };
}

/** Runs steps straight into `target`, recording in `capture` what the last one left on screen. */
export function quietEngine(target: ReplayEngine, capture: QuietCapture): LessonEngine {
  return {
    setProxyMode: (mode, scheduler) => target.setProxyMode(mode, scheduler),
    apply: async (text) => {
      await target.apply([{ name: EDITOR_FILE, text }]);
      await target.writeFile(EDITOR_FILE, text);
      capture.editorText = text;
    },
    show: async (text) => {
      capture.editorText = text;
    },
    setPodReady: (namespace, name, ready) => target.setPodReady(namespace, name, ready),
    run: async (line) => {
      await target.run(line);
    },
    send: async (request) => {
      capture.trace = await target.send(request);
      capture.sentView = await target.view();
    },
    burst: async (request, count) => {
      capture.burst = (await target.burst(request, count)).result;
    },
    view: () => target.view(),
  };
}

/** A lesson's cluster built in `target`. */
export function clusterEngine(target: ReplayEngine): ClusterEngine {
  return {
    reset: (options) => target.reset(options),
    applyFile: async (name, text) => {
      await target.apply([{ name, text }]);
      await target.writeFile(name, text);
    },
    writeFile: (path, text) => target.writeFile(path, text),
  };
}
