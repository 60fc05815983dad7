/** A Simulation behind the ReplayEngine interface, as the worker serves it (for tests in Node). */
import { needsShellAssets } from "../../engine/shell/assets";
import { Simulation } from "../../engine/simulation";
import type { ReplayEngine } from "./replay";

export function simulationEngine(): { engine: ReplayEngine; sim: () => Simulation } {
  let sim = new Simulation();
  const engine: ReplayEngine = {
    reset: async (options, files = []) => {
      sim = new Simulation(options);
      return files.length ? sim.apply(files) : { results: [], errors: [] };
    },
    apply: async (files) => sim.apply(files),
    importCluster: (file) => sim.importCluster(file),
    writeFile: async (path, text) => sim.writeFile(path, text),
    run: async (line) => {
      if (needsShellAssets(line)) await sim.loadAssets();
      return sim.run(line);
    },
    send: async (request) => sim.send(request),
    burst: async (request, count) => sim.burst(request, count),
    setProxyMode: async (mode, scheduler) => sim.setProxyMode(mode, scheduler),
    setPodReady: async (namespace, name, ready) => sim.setPodReady(namespace, name, ready),
    advanceClock: async (ms) => sim.advanceClock(ms),
    view: async () => sim.view(),
  };
  return { engine, sim: () => sim };
}
