/**
 * The one engine client of the page, created at module load (never inside a
 * component effect). A worker that crashes or stops answering is replaced,
 * and its state restored by replaying the last applied manifests.
 */
import type { Remote } from "comlink";
import { proxy, wrap } from "comlink";
import type { IpvsScheduler, ProxyMode } from "../../engine/api/configTypes";
import type { ManifestFile, SimulationOptions } from "../../engine/simulation";
import type { SimulationWorkerApi } from "../../worker/simulation.worker";

type Listener = (notice: EngineNotice) => void;
type AppliedListener = (files: readonly ManifestFile[]) => void;

export interface EngineNotice {
  kind: "restarted";
  reason: "crashed" | "hung";
}

/** How long a single call may take before the worker counts as hung (long work reports progress instead). */
const HANG_TIMEOUT_MS = 15_000;

class EngineClient {
  private worker!: Worker;
  private remote!: Remote<SimulationWorkerApi>;
  private options: SimulationOptions = {};
  private applied: ManifestFile[] = [];
  private proxyMode: { mode: ProxyMode; scheduler?: IpvsScheduler } | undefined;
  private restarting: Promise<void> | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly appliedListeners = new Set<AppliedListener>();

  constructor() {
    this.start();
  }

  onNotice(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every manifest applied since the last reset, in order: what rebuilds this cluster. */
  onApplied(listener: AppliedListener): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Calls the engine; if the worker dies or hangs on the way, restarts it and rejects. */
  async call<T>(
    fn: (api: Remote<SimulationWorkerApi>) => Promise<T>,
    timeoutMs = HANG_TIMEOUT_MS,
  ): Promise<T> {
    const worker = this.worker;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onError: ((e: ErrorEvent) => void) | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EngineFailure("hung")), timeoutMs);
      onError = () => reject(new EngineFailure("crashed"));
      worker.addEventListener("error", onError);
    });
    try {
      return await Promise.race([fn(this.remote), failure]);
    } catch (e) {
      if (e instanceof EngineFailure) await this.restart(e.reason);
      throw e;
    } finally {
      clearTimeout(timer);
      if (onError) worker.removeEventListener("error", onError);
    }
  }

  /** Starts a fresh simulation; remembered so a restart can restore it. */
  async reset(options: SimulationOptions, files: ManifestFile[] = []) {
    this.options = options;
    this.applied = [...files];
    this.proxyMode = undefined;
    this.emitApplied();
    return this.call((api) => api.reset(options, files));
  }

  /** Applies manifests; remembered for restoring after a crash. */
  async apply(files: ManifestFile[]) {
    const report = await this.call((api) => api.apply(files));
    this.applied.push(...files);
    this.emitApplied();
    return report;
  }

  /** Switches kube-proxy's mode; remembered for restoring after a crash. */
  async setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): Promise<void> {
    this.proxyMode = { mode, ...(scheduler ? { scheduler } : {}) };
    await this.call((api) => api.setProxyMode(mode, scheduler));
  }

  get api(): Remote<SimulationWorkerApi> {
    return this.remote;
  }

  progress<T>(callback: (p: T) => void) {
    return proxy(callback);
  }

  private emitApplied() {
    const files = [...this.applied];
    for (const l of this.appliedListeners) l(files);
  }

  private start() {
    const worker = new Worker(new URL("../../worker/simulation.worker.ts", import.meta.url), {
      type: "module",
      name: "packetwalk-engine",
    });
    // An uncaught error leaves the engine in an unknown state: replace it, even between calls.
    worker.addEventListener("error", () => {
      if (this.worker === worker) void this.restart("crashed");
    });
    this.worker = worker;
    this.remote = wrap<SimulationWorkerApi>(worker);
  }

  private async restart(reason: EngineNotice["reason"]) {
    if (this.restarting) return this.restarting;
    this.restarting = this.replace(reason).finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  private async replace(reason: EngineNotice["reason"]) {
    this.worker.terminate();
    this.start();
    await this.remote.reset(this.options, this.applied);
    if (this.proxyMode) await this.remote.setProxyMode(this.proxyMode.mode, this.proxyMode.scheduler);
    for (const l of this.listeners) l({ kind: "restarted", reason });
  }
}

export class EngineFailure extends Error {
  constructor(readonly reason: EngineNotice["reason"]) {
    super(`the simulation engine ${reason}`);
  }
}

export const engine = new EngineClient();

let experiments: EngineClient | undefined;

/**
 * A second engine for the lookup-cost experiment: its synthetic clusters
 * take seconds per row, and in their own worker they never hold up the
 * terminal or a packet in the main simulation. Created on first use.
 */
export function experimentEngine(): EngineClient {
  experiments ??= new EngineClient();
  return experiments;
}
