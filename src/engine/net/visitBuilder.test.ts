import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FoldStore } from "./foldStore";
import type { ChainVisit, MatchTest } from "./hopWalk";
import { FOLD_HEAD, FOLD_MIN, VisitBuilder } from "./visitBuilder";

const text = (i: number) => `-A KUBE-SERVICES rule ${i + 1}`;
const draw = (hit: boolean): MatchTest => ({
  k: "statistic",
  probability: 0.5,
  draw: hit ? 0.25 : 0.75,
  hit,
});

/** A chain of `length` rules walked to rule `match` (0-based; -1: none matched). */
function walk(length: number, match: number, store?: FoldStore): ChainVisit {
  const b = new VisitBuilder("nat", "KUBE-SERVICES", length, text, store);
  for (let i = 0; i < (match < 0 ? length : match); i++) b.miss(i);
  if (match >= 0) b.hit(match, "KUBE-SVC-X");
  return b.finish(match >= 0 ? "verdict" : "return");
}

describe("a chain visit's folds", () => {
  it("shows a short run of misses rule by rule", () => {
    const v = walk(FOLD_MIN, FOLD_MIN - 1);
    expect(v.steps.map((s) => (s.k === "rule" ? `${s.n}${s.hit ? "✓" : "✗"}` : "fold"))).toEqual([
      ...Array.from({ length: FOLD_MIN - 1 }, (_, i) => `${i + 1}✗`),
      `${FOLD_MIN}✓`,
    ]);
    expect(v.tested).toBe(FOLD_MIN);
  });

  it("folds a long run after its first rules, with the count and positions", () => {
    const v = walk(10_000, 9_999);
    expect(v.steps).toHaveLength(FOLD_HEAD + 2);
    expect(v.steps[FOLD_HEAD]).toEqual({ k: "fold", n: FOLD_HEAD + 1, count: 9_999 - FOLD_HEAD });
    expect(v.steps.at(-1)).toMatchObject({ k: "rule", n: 10_000, hit: true, text: text(9_999) });
    expect(v.tested).toBe(10_000);
  });

  it("reads a fold's text back only when asked, from the list walked, in part or whole", () => {
    const store = new FoldStore();
    const v = walk(50, 40, store);
    const fold = v.steps.find((s) => s.k === "fold");
    expect(fold?.k === "fold" && fold.ref).toEqual({ source: 1, from: FOLD_HEAD, count: 40 - FOLD_HEAD });
    if (fold?.k !== "fold" || !fold.ref) throw new Error("no fold");
    expect(store.read(fold.ref)?.rules).toHaveLength(40 - FOLD_HEAD);
    expect(store.read({ ...fold.ref, count: 2 })).toEqual({ n: FOLD_HEAD + 1, rules: [text(2), text(3)] });
    expect(store.read({ ...fold.ref, from: 49, count: 2 })).toBeUndefined();
  });

  it("counts the random draws a fold hides", () => {
    const b = new VisitBuilder("nat", "KUBE-SVC-X", 20, text);
    for (let i = 0; i < 12; i++) b.miss(i, [draw(false)]);
    b.hit(12, "KUBE-SEP-Y", [draw(true)]);
    const v = b.finish("verdict");
    expect(v.steps[FOLD_HEAD]).toMatchObject({ k: "fold", count: 12 - FOLD_HEAD, draws: 12 - FOLD_HEAD });
    expect(v.steps[0]).toMatchObject({ k: "rule", hit: false, tests: [draw(false)] });
    expect(v.steps.at(-1)).toMatchObject({ k: "rule", hit: true, tests: [draw(true)] });
  });

  it("a run reported as a span (the -d fast path) folds as the same misses one by one would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant("hit" as const), fc.integer({ min: 1, max: 40 })), { maxLength: 12 }),
        fc.boolean(),
        (plan, spans) => {
          const one = new VisitBuilder("nat", "C", 1000, text);
          const two = new VisitBuilder("nat", "C", 1000, text);
          let i = 0;
          for (const p of plan) {
            if (p === "hit") {
              one.hit(i, "X");
              two.hit(i, "X");
              i++;
              continue;
            }
            for (let k = 0; k < p; k++) one.miss(i + k);
            // Split the run in two spans, as two tight loops around a rule with no -d would not; any split.
            const cut = spans ? Math.floor(p / 2) : p;
            two.misses(i, i + cut);
            two.misses(i + cut, i + p);
            i += p;
          }
          const a = one.finish("return");
          const b = two.finish("return");
          expect(b).toEqual(a);
          expect(a.tested).toBe(i);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it("every rule tested is either shown or inside exactly one fold, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 80 }), (hits) => {
        const b = new VisitBuilder("nat", "C", hits.length, text);
        hits.forEach((h, i) => {
          if (h) b.hit(i, "X");
          else b.miss(i);
        });
        const v = b.finish("return");
        const covered: number[] = [];
        for (const s of v.steps) {
          if (s.k === "rule") covered.push(s.n);
          else for (let n = s.n; n < s.n + s.count; n++) covered.push(n);
        }
        expect(covered).toEqual(hits.map((_, i) => i + 1));
        for (const s of v.steps)
          if (s.k === "fold") expect(s.count).toBeGreaterThan(FOLD_MIN - FOLD_HEAD - 1);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
