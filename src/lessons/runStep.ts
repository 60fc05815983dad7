/**
 * What running a step means, in order: switch kube-proxy's mode, run the
 * setup lines (not shown), show a file, apply the manifests, set a pod's
 * readiness, run the commands, send the packet, send the burst. A challenge
 * step already passed (replayed to reach a later step) then applies its
 * solution. The `LessonEngine` does the work: the UI's runs it through the
 * store (so the editor, terminal and trace show it), tests through the engine.
 */
import type { IpvsScheduler, ProxyMode } from "../engine/api/configTypes";
import type { SendRequest } from "../engine/net/contract";
import type { SimulationOptions } from "../engine/simulation";
import type { TopologyView } from "../engine/view/topology";
import { lessonRequest } from "./targets";
import type { LessonCluster, LessonStep, PredictKind } from "./types";

export interface LessonEngine {
  setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): Promise<void>;
  apply(text: string): Promise<void>;
  /** Puts a file in the editor, as applied (the step applies it from the terminal). */
  show(text: string): Promise<void>;
  setPodReady(namespace: string, name: string, ready: boolean): Promise<void>;
  /** `quiet`: a setup line (not shown); `fails`: the lesson means it to fail. */
  run(line: string, how: { quiet: boolean; fails: boolean }): Promise<unknown>;
  /** `predict`: the step asks the student first; the trace is held back until they check. */
  send(request: SendRequest, predict?: PredictKind): Promise<unknown>;
  burst(request: SendRequest, count: number): Promise<void>;
  /** The cluster now (node IPs for `node:NAME:PORT`). */
  view(): Promise<TopologyView | null>;
}

/** Reads lesson files and examples by name. */
export interface LessonFiles {
  example(name: string): Promise<string>;
  file(name: string): Promise<string>;
}

/** Runs one step against `engine`. `solved`: the step is behind the student, its challenge's solution applies. */
export async function runLessonStep(
  step: LessonStep,
  engine: LessonEngine,
  files: LessonFiles,
  solved = false,
): Promise<void> {
  if (step.proxyMode || step.scheduler) await engine.setProxyMode(step.proxyMode ?? "ipvs", step.scheduler);
  for (const line of step.setup) await engine.run(line, { quiet: true, fails: false });
  if (step.show) await engine.show(await files.file(step.show));
  const manifests = step.example ? await files.example(step.example) : step.manifests;
  if (manifests?.trim()) await engine.apply(manifests);
  if (step.setReady)
    await engine.setPodReady(step.setReady.namespace ?? "default", step.setReady.pod, step.setReady.ready);
  for (const c of step.commands) await engine.run(c.run, { quiet: c.quiet, fails: c.fails });
  if (step.send) await engine.send(lessonRequest(step.send, await engine.view()), step.predict?.kind);
  if (step.burst) await engine.burst(lessonRequest(step.burst, await engine.view()), step.burst.count);
  const solution = solved ? step.challenge?.solution : undefined;
  for (const line of solution?.commands ?? []) await engine.run(line, { quiet: true, fails: false });
  if (solution?.manifests?.trim()) await engine.apply(solution.manifests);
  if (solution?.proxyMode) await engine.setProxyMode(solution.proxyMode);
}

/** What builds a lesson's cluster: a fresh simulation, its configuration applied, its files written. */
export interface ClusterEngine {
  reset(options: SimulationOptions): Promise<unknown>;
  applyFile(name: string, text: string): Promise<void>;
  writeFile(path: string, text: string): Promise<void>;
}

/** The simulation options a lesson's cluster starts from. */
export function clusterOptions(cluster: LessonCluster): SimulationOptions {
  return { seed: cluster.seed, ...(cluster.startTime !== undefined ? { startTime: cluster.startTime } : {}) };
}

/** Builds the lesson's cluster from scratch. */
export async function prepareCluster(
  cluster: LessonCluster,
  engine: ClusterEngine,
  files: LessonFiles,
): Promise<void> {
  await engine.reset(clusterOptions(cluster));
  for (const name of cluster.apply) await engine.applyFile(name.replace(/^.*\//, ""), await files.file(name));
  for (const [dest, name] of Object.entries(cluster.files))
    await engine.writeFile(dest, await files.file(name));
}
