/** The engine as a replay sees it: through the page's client (bounded, restarted on failure), or a raw worker. */
import type { Remote } from "comlink";
import type { SimulationWorkerApi } from "../../worker/simulation.worker";
import { type EngineClient, engine } from "../worker/client";
import type { ReplayEngine } from "./replay";

/** How long an import may take before the worker counts as hung (a 50 MB dump reads in seconds). */
export const IMPORT_TIMEOUT_MS = 120_000;

/** A worker's API as a ReplayEngine (used while the client rebuilds a fresh worker). */
export function remoteEngine(api: Remote<SimulationWorkerApi>): ReplayEngine {
  return {
    reset: (options, files) => api.reset(options, files),
    apply: (files) => api.apply(files),
    importCluster: (file) => api.importCluster(file),
    writeFile: (path, text) => api.writeFile(path, text),
    run: (line) => api.run(line),
    send: (request) => api.send(request),
    burst: (request, count) => api.burst(request, count),
    setProxyMode: (mode, scheduler) => api.setProxyMode(mode, scheduler),
    setPodReady: (namespace, name, ready) => api.setPodReady(namespace, name, ready),
    advanceClock: (ms) => api.advanceClock(ms),
    view: () => api.view(),
  };
}

/** An engine client as a ReplayEngine: every call bounded, a dead worker replaced. */
export function clientOf(client: EngineClient): ReplayEngine {
  return {
    reset: (options, files) => client.call((api) => api.reset(options, files)),
    apply: (files) => client.call((api) => api.apply(files)),
    // A big dump takes seconds to read: the import is bounded as a replay is.
    importCluster: (file) => client.call((api) => api.importCluster(file), IMPORT_TIMEOUT_MS),
    writeFile: (path, text) => client.call((api) => api.writeFile(path, text)),
    run: (line) => client.call((api) => api.run(line)),
    send: (request) => client.call((api) => api.send(request)),
    burst: (request, count) => client.call((api) => api.burst(request, count)),
    setProxyMode: (mode, scheduler) => client.call((api) => api.setProxyMode(mode, scheduler)),
    setPodReady: (namespace, name, ready) => client.call((api) => api.setPodReady(namespace, name, ready)),
    advanceClock: (ms) => client.call((api) => api.advanceClock(ms)),
    view: () => client.call((api) => api.view()),
  };
}

/** The page's engine. */
export const clientEngine: ReplayEngine = clientOf(engine);
