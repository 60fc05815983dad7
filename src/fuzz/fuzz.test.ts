import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadCorpus } from "./corpus";
import { buildCase, fuzzCase } from "./mutate";
import { assertNoFailures } from "./property.testkit";

const corpus = loadCorpus();

describe("generated bad input (fast-check, fixed seed)", () => {
  it("draws its seeds from the project's examples, lessons and test data", () => {
    const names = corpus.map((f) => f.name);
    expect(names).toContain("src/examples/01-clusterip.yaml");
    expect(names.some((n) => n.startsWith("src/lessons/"))).toBe(true);
    expect(names).toContain("testdata/seed/cluster.yaml");
    expect(names).toContain("testdata/fuzz/kinds.yaml");
  });

  it("mutates: most cases' documents differ from their seeds'", () => {
    const docs = (text: string) =>
      JSON.stringify(parseAllDocuments(text).map((d) => (d.errors.length ? "error" : d.toJS())));
    const cases = fc
      .sample(fuzzCase(corpus.length), { seed: 7, numRuns: 150 })
      .filter((c) => c.text.length === 0)
      .slice(0, 100);
    const changed = cases.filter((c) => {
      const seeds = c.seeds.map((i) => corpus[i]!.text).join("\n---\n");
      return docs(buildCase(corpus, c).join("---\n")) !== docs(seeds);
    });
    expect(changed.length).toBeGreaterThan(80);
  });

  // Half of the 2,000 cases in npm test; fuzz.more.test.ts runs the other half (vitest runs the two
  // files side by side).
  it("1,000 mutated manifests: no exception, no internal error, a refusal changes nothing", () => {
    assertNoFailures(20_251_111, 1000);
  }, 600_000);
});
