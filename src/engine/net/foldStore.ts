/**
 * The rule lists behind the folds of recent traces. A fold carries a
 * reference, not text: expanding it reads the rules from the very list that
 * was walked (a later sync builds new lists and leaves these as they were).
 */
import type { FoldRef } from "./hopWalk";
import type { FoldSink } from "./visitBuilder";

/** Rule lists kept; older ones are let go (their folds then answer undefined). */
export const FOLD_SOURCES = 64;

/** A fold's rules, read back: their positions and text. */
export interface FoldedRules {
  /** Position of the first (1-based, as `--line-numbers`). */
  n: number;
  rules: string[];
}

export class FoldStore implements FoldSink {
  private readonly sources = new Map<number, { text: (index: number) => string; length: number }>();
  private next = 1;

  keep(text: (index: number) => string, length: number): number {
    const id = this.next++;
    this.sources.set(id, { text, length });
    if (this.sources.size > FOLD_SOURCES) {
      const oldest = this.sources.keys().next().value;
      if (oldest !== undefined) this.sources.delete(oldest);
    }
    return id;
  }

  /** The folded rules' text, or undefined once their list is no longer kept (send the packet again). */
  read(ref: FoldRef): FoldedRules | undefined {
    const s = this.sources.get(ref.source);
    if (!s || ref.from < 0 || ref.count < 0 || ref.from + ref.count > s.length) return undefined;
    const rules: string[] = [];
    for (let i = ref.from; i < ref.from + ref.count; i++) rules.push(s.text(i));
    return { n: ref.from + 1, rules };
  }
}
