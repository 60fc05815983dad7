/**
 * Records one visit of a chain for a traced packet, folding long runs of
 * rules that did not match into a count. Its cost is proportional to what
 * a trace shows: a rule's text is read only for the rules shown, a folded
 * run is a counter, and the folded rules' text is read back only when asked
 * (through the {@link FoldSink} the rule list was kept in).
 */
import type { ChainVisit, FoldStep, MatchTest, RuleStep, WalkStep } from "./hopWalk";

/** A run of this many rules not matching, or more, is folded. */
export const FOLD_MIN = 6;
/** A folded run still shows its first rules, so the student sees what each of them tests. */
export const FOLD_HEAD = 2;

/** Keeps a walked rule list so that a fold's text can be read back later. */
export interface FoldSink {
  /** Keeps `text` (the text of rule i of the list walked); returns the source id a FoldRef names. */
  keep(text: (index: number) => string, length: number): number;
}

interface Pending {
  index: number;
  tests: MatchTest[] | undefined;
}

function draws(tests: MatchTest[] | undefined): number {
  let n = 0;
  if (tests) for (const t of tests) if (t.k === "statistic") n++;
  return n;
}

/** Builds a {@link ChainVisit}: call `miss`/`misses`/`hit` in rule order, then `finish`. */
export class VisitBuilder {
  private readonly steps: WalkStep[] = [];
  private tested = 0;
  private runStart = 0;
  private runLength = 0;
  /** Draws among the run's rules after its head (they are folded if the run is). */
  private runDraws = 0;
  private readonly pending: Pending[] = [];
  private source = -1;

  constructor(
    private readonly table: string,
    private readonly chain: string,
    private readonly length: number,
    private readonly text: (index: number) => string,
    private readonly sink?: FoldSink,
  ) {}

  /** Rule `index` (0-based) was tested and did not match. */
  miss(index: number, tests?: MatchTest[]): void {
    this.tested++;
    if (this.runLength === 0) this.runStart = index;
    if (this.runLength >= FOLD_HEAD) this.runDraws += draws(tests);
    this.runLength++;
    if (this.pending.length < FOLD_MIN) this.pending.push({ index, tests });
  }

  /** Rules `from` to `to - 1` were tested and none matched (each on its header alone). */
  misses(from: number, to: number): void {
    for (let i = from; i < to && this.pending.length < FOLD_MIN; i++) this.miss(i);
    const rest = to - Math.max(from, this.runStart + this.runLength);
    if (rest > 0) {
      this.tested += rest;
      this.runLength += rest;
    }
  }

  /** Rule `index` matched; the step is returned so that a jump can nest its chain's visit. */
  hit(index: number, action: string, tests?: MatchTest[]): RuleStep {
    this.flush();
    this.tested++;
    const step: RuleStep = { k: "rule", n: index + 1, text: this.text(index), hit: true, action };
    if (tests?.length) step.tests = tests;
    this.steps.push(step);
    return step;
  }

  finish(exit: ChainVisit["exit"]): ChainVisit {
    this.flush();
    return {
      table: this.table,
      chain: this.chain,
      length: this.length,
      tested: this.tested,
      steps: this.steps,
      exit,
    };
  }

  private flush(): void {
    const n = this.runLength;
    if (n === 0) return;
    const shown = n < FOLD_MIN ? this.pending.length : FOLD_HEAD;
    for (let i = 0; i < shown; i++) this.steps.push(this.missStep(this.pending[i]!));
    if (n >= FOLD_MIN) {
      const fold: FoldStep = { k: "fold", n: this.runStart + FOLD_HEAD + 1, count: n - FOLD_HEAD };
      if (this.runDraws > 0) fold.draws = this.runDraws;
      if (this.sink) {
        if (this.source < 0) this.source = this.sink.keep(this.text, this.length);
        fold.ref = { source: this.source, from: this.runStart + FOLD_HEAD, count: n - FOLD_HEAD };
      }
      this.steps.push(fold);
    }
    this.pending.length = 0;
    this.runLength = 0;
    this.runDraws = 0;
  }

  private missStep(p: Pending): RuleStep {
    const step: RuleStep = { k: "rule", n: p.index + 1, text: this.text(p.index), hit: false };
    if (p.tests?.length) step.tests = p.tests;
    return step;
  }
}
