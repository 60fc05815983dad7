/// <reference lib="webworker" />
/**
 * The engine behind comlink: this file exposes the Simulation facade and
 * nothing else. Types for the main thread come from `typeof api`.
 */
import { expose } from "comlink";
import type { IpvsScheduler, ProxyMode } from "../engine/api/configTypes";
import type { ImportProgressListener } from "../engine/api/import/progress";
import type { LookupExperimentOptions, LookupProgress, LookupRow } from "../engine/bench/contract";
import type { SendRequest } from "../engine/net/contract";
import type { FoldRef } from "../engine/net/hopWalk";
import { needsShellAssets } from "../engine/shell/assets";
import type { ManifestFile, SimulationOptions } from "../engine/simulation";
import { Simulation } from "../engine/simulation";
import { joinPieces } from "./textPieces";

let sim = new Simulation();

function current(): Simulation {
  return sim;
}

const api = {
  /** Starts a fresh cluster (and replays manifests, when restoring after a crash). */
  reset(opts: SimulationOptions, files: ManifestFile[] = []) {
    sim = new Simulation(opts);
    return files.length ? sim.apply(files) : { results: [], errors: [] };
  },
  apply: (files: ManifestFile[]) => current().apply(files),
  /**
   * Replaces the cluster with one imported from a dump (the import report says what came in),
   * telling a proxied callback how far it is as it goes: each report is a message the page reads
   * while the import still runs here.
   */
  importCluster: (file: ManifestFile, onProgress?: ImportProgressListener) =>
    current().importCluster(file, onProgress),
  /** The same, the dump's text handed over as transferred UTF-8 pieces (textPieces.ts). */
  importClusterPieces: (name: string, pieces: Uint8Array[], onProgress?: ImportProgressListener) =>
    current().importCluster({ name, text: joinPieces(pieces) }, onProgress),
  /** A dump made fit to share: annotations, status the simulation does not read, env values out. */
  redactDump: (file: ManifestFile) => current().redactDump(file),
  /** Runs a line; the help texts and schema are fetched first, the first time a line may need them. */
  async run(line: string) {
    if (needsShellAssets(line)) await current().loadAssets();
    return current().run(line);
  },
  /**
   * A line as the terminal shows it: only `output`, and only its last `keep` characters cross to
   * the page (the terminal keeps no more), so megabytes of output are never copied between threads.
   */
  async runForTerminal(line: string, keep: number) {
    const out = await api.run(line);
    const cut = Math.max(0, out.output.length - keep);
    return { ...out, stdout: "", stderr: "", output: cut ? out.output.slice(cut) : out.output, cut };
  },
  prompt: () => current().prompt(),
  async complete(line: string) {
    if (/\bexplain\b/.test(line)) await current().loadAssets();
    return current().complete(line);
  },
  send: (request: SendRequest) => current().send(request),
  /** The text of a traced hop's folded rules (a page of them), while the engine keeps them. */
  foldedRules: (ref: FoldRef) => current().foldedRules(ref),
  burst: (request: SendRequest, count: number) => current().burst(request, count),
  view: () => current().view(),
  whyNoEndpoints: (namespace: string, name: string) => current().whyNoEndpoints(namespace, name),
  setProxyMode: (mode: ProxyMode, scheduler?: IpvsScheduler) => current().setProxyMode(mode, scheduler),
  setPodReady: (namespace: string, name: string, ready: boolean) =>
    current().setPodReady(namespace, name, ready),
  advanceClock: (ms: number) => current().advanceClock(ms),
  writeFile: (path: string, text: string) => current().writeFile(path, text),
  /**
   * Long work, in steps: reports progress through a proxied callback and
   * yields to the event loop between steps, so `cancel()` gets through.
   */
  async lookupExperiment(
    opts: LookupExperimentOptions,
    onProgress: (p: LookupProgress) => void,
  ): Promise<LookupRow[] | null> {
    cancelled = false;
    const steps = await current().lookupExperiment(opts, () => performance.now());
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      onProgress(step.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled) return null;
    }
  },
  cancel: () => {
    cancelled = true;
  },
  /**
   * Fault injection for the crash-recovery test: an uncaught error outside
   * any call (as an engine bug in a timer would raise), or an endless loop.
   */
  crash: (how: "throw" | "hang") => {
    if (how === "hang") for (;;);
    setTimeout(() => {
      throw new Error("the engine crashed (fault injected for testing)");
    });
  },
};

let cancelled = false;

export type SimulationWorkerApi = typeof api;
expose(api);
