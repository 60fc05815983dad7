/** The fuzz property as the test files run it: `runs` cases from `seed`, each with no failure. */
import fc from "fast-check";
import { expect } from "vitest";
import { runCase } from "./check";
import { loadCorpus } from "./corpus";
import { fuzzCase } from "./mutate";

export async function assertNoFailures(seed: number, runs: number): Promise<void> {
  const corpus = loadCorpus();
  await fc.assert(
    fc.asyncProperty(fuzzCase(corpus.length), async (c) => {
      expect(await runCase(corpus, c)).toEqual([]);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
}
