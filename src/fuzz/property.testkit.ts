/** The fuzz property as the test files run it: `runs` cases from `seed`, each with no failure. */
import fc from "fast-check";
import { expect } from "vitest";
import { loadShellAssets } from "../engine/shell/assets";
import { runCase } from "./check";
import { loadCorpus } from "./corpus";
import { fuzzCase } from "./mutate";

const ASSETS = await loadShellAssets();

export function assertNoFailures(seed: number, runs: number): void {
  const corpus = loadCorpus();
  fc.assert(
    fc.property(fuzzCase(corpus.length), (c) => {
      expect(runCase(corpus, c, ASSETS)).toEqual([]);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
}
