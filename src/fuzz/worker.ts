/**
 * The fuzz run's worker: generates cases from a seed in chunks and runs them, reporting each
 * case's start (so the parent can tell a hang from a slow case) and its outcome.
 */
import { parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { loadShellAssets } from "../engine/shell/assets";
import { runCase } from "./check";
import { CHUNK } from "./chunk";
import { loadCorpus } from "./corpus";
import { fuzzCase } from "./mutate";

const assets = await loadShellAssets();

interface Job {
  seed: number;
  from: number;
  to: number;
}

const { seed, from, to } = workerData as Job;
const corpus = loadCorpus();
const arb = fuzzCase(corpus.length);
let chunk = -1;
let cases: ReturnType<typeof fc.sample<ReturnType<typeof arb.generate>["value"]>> = [];
for (let i = from; i < to; i++) {
  const c = Math.floor(i / CHUNK);
  if (c !== chunk) {
    chunk = c;
    cases = fc.sample(arb, { seed: seed + c, numRuns: CHUNK });
  }
  const fuzz = cases[i % CHUNK]!;
  parentPort!.postMessage({ type: "start", index: i });
  const t0 = performance.now();
  const failures = runCase(corpus, fuzz, assets);
  parentPort!.postMessage({
    type: "done",
    index: i,
    ms: performance.now() - t0,
    failures,
    ...(failures.length > 0 ? { fuzz } : {}),
  });
}
