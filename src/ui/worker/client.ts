/**
 * The one engine client of the page, created at module load (never inside a
 * component effect). A worker that crashes or stops answering is replaced,
 * and its state rebuilt by the replayer the session installs (the session
 * record, replayed: see session/replay.ts).
 */
import type { Remote } from "comlink";
import { proxy, wrap } from "comlink";
import type { SimulationWorkerApi } from "../../worker/simulation.worker";

export interface EngineNotice {
  kind: "restarted";
  reason: "crashed" | "hung";
  /** Whether the workspace was rebuilt in the new engine; `error` says why not. */
  restored: boolean;
  error?: string;
}

type Listener = (notice: EngineNotice) => void;
/** Rebuilds the state in a fresh engine; calls made through `api` are bounded by `timeoutMs`. */
export type Replayer = (api: Remote<SimulationWorkerApi>) => Promise<void>;

/** How long a single call may take before the worker counts as hung (long work reports progress instead). */
const HANG_TIMEOUT_MS = 15_000;
/** How long rebuilding the state in a fresh worker may take. */
const REPLAY_TIMEOUT_MS = 120_000;

export class EngineClient {
  private worker!: Worker;
  private remote!: Remote<SimulationWorkerApi>;
  private restarting: Promise<void> | undefined;
  private replayer: Replayer | undefined;
  private readonly listeners = new Set<Listener>();

  constructor() {
    this.start();
  }

  onNotice(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What rebuilds the state after a restart (the session's replay). */
  setReplayer(replayer: Replayer): void {
    this.replayer = replayer;
  }

  /** Calls the engine; if the worker dies or hangs on the way, restarts it and rejects. */
  async call<T>(
    fn: (api: Remote<SimulationWorkerApi>) => Promise<T>,
    timeoutMs = HANG_TIMEOUT_MS,
  ): Promise<T> {
    if (this.restarting) await this.restarting;
    try {
      return await this.bounded(fn, timeoutMs);
    } catch (e) {
      if (e instanceof EngineFailure) await this.restart(e.reason);
      throw e;
    }
  }

  /** Waits for a restart in progress, if any. */
  async settled(): Promise<void> {
    await this.restarting;
  }

  /** The current worker's API, uncounted (the console and fault-injection tests use it). */
  get api(): Remote<SimulationWorkerApi> {
    return this.remote;
  }

  /** Stops the worker for good (a scratch engine, done with). */
  dispose(): void {
    this.replayer = undefined;
    this.worker.terminate();
  }

  progress<T>(callback: (p: T) => void) {
    return proxy(callback);
  }

  /** Runs `fn` against the current worker, failing with EngineFailure if it dies or hangs meanwhile. */
  private async bounded<T>(
    fn: (api: Remote<SimulationWorkerApi>) => Promise<T>,
    timeoutMs: number,
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
    } finally {
      clearTimeout(timer);
      if (onError) worker.removeEventListener("error", onError);
    }
  }

  private start() {
    const worker = new Worker(new URL("../../worker/simulation.worker.ts", import.meta.url), {
      type: "module",
      name: "packetwalk-engine",
    });
    // An uncaught error leaves the engine in an unknown state: replace it, even between calls.
    worker.addEventListener("error", () => {
      if (this.worker === worker && !this.restarting) void this.restart("crashed");
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
    let notice: EngineNotice = { kind: "restarted", reason, restored: true };
    try {
      const replayer = this.replayer;
      if (replayer) await this.bounded((api) => replayer(api), REPLAY_TIMEOUT_MS);
    } catch (e) {
      // The state does not rebuild (it may be what broke the engine): a fresh, empty engine instead.
      this.worker.terminate();
      this.start();
      notice = {
        kind: "restarted",
        reason,
        restored: false,
        error: e instanceof Error ? e.message : String(e),
      };
    }
    for (const l of this.listeners) l(notice);
  }
}

export class EngineFailure extends Error {
  constructor(readonly reason: "crashed" | "hung") {
    super(`the simulation engine ${reason}`);
  }
}

export const engine = new EngineClient();

/** A throwaway engine of its own worker: untrusted input is tried there first, never in the user's. */
export function scratchEngine(): EngineClient {
  return new EngineClient();
}

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
