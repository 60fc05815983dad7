import { runLookupExperiment } from "./src/engine/bench/experiment";
const t = performance.now();
const rows = runLookupExperiment({ services: [10000], endpointsPerService: 10, modes: ["iptables"], samples: 400, seed: 1 }, () => performance.now());
console.log(rows.map((r) => [r.mode, (r.nsPerPacket / 1000).toFixed(1) + "µs", r.meanRulesEvaluated]), (performance.now() - t).toFixed(0), "ms");
