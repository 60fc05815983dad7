/**
 * What running a step means, in order: switch kube-proxy's mode, apply the
 * manifests, set a pod's readiness, run the commands, send the packet, send
 * the burst. The `LessonEngine` does the work: the UI's runs it through the
 * store (so the editor, terminal and trace show it), tests through the engine.
 */
import type { IpvsScheduler, ProxyMode } from "../engine/api/configTypes";
import type { SendRequest } from "../engine/net/contract";
import type { TopologyView } from "../engine/view/topology";
import { lessonRequest } from "./targets";
import type { LessonStep, PredictKind } from "./types";

export interface LessonEngine {
  setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): Promise<void>;
  apply(text: string): Promise<void>;
  setPodReady(namespace: string, name: string, ready: boolean): Promise<void>;
  run(line: string): Promise<void>;
  /** `predict`: the step asks the student first; the trace is held back until they check. */
  send(request: SendRequest, predict?: PredictKind): Promise<void>;
  burst(request: SendRequest, count: number): Promise<void>;
  /** The cluster now (node IPs for `node:NAME:PORT`). */
  view(): Promise<TopologyView | null>;
}

/** Runs one step against `engine`; `example(name)` reads an example's manifests. */
export async function runLessonStep(
  step: LessonStep,
  engine: LessonEngine,
  example: (name: string) => Promise<string>,
): Promise<void> {
  if (step.proxyMode || step.scheduler) await engine.setProxyMode(step.proxyMode ?? "ipvs", step.scheduler);
  const manifests = step.example ? await example(step.example) : step.manifests;
  if (manifests?.trim()) await engine.apply(manifests);
  if (step.setReady)
    await engine.setPodReady(step.setReady.namespace ?? "default", step.setReady.pod, step.setReady.ready);
  for (const line of step.commands) await engine.run(line);
  if (step.send) await engine.send(lessonRequest(step.send, await engine.view()), step.predict?.kind);
  if (step.burst) await engine.burst(lessonRequest(step.burst, await engine.view()), step.burst.count);
}
