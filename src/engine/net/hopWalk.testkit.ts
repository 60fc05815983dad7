/** Reading recorded walks in tests: every chain visit, in walk order (a caller before its callees). */
import type { ChainVisit, IpvsWalk, MatchTest, RuleStep, WalkPart } from "./hopWalk";

export function visitsOf(parts: readonly WalkPart[] | undefined): ChainVisit[] {
  const out: ChainVisit[] = [];
  const visit = (v: ChainVisit) => {
    out.push(v);
    for (const s of v.steps) if (s.k === "rule" && s.call) visit(s.call);
  };
  for (const p of parts ?? []) if (p.k === "netfilter") visit(p.visit);
  return out;
}

/** Rules tested across the walk, folds counted: what `rulesEvaluated` counts. */
export function testedIn(parts: readonly WalkPart[] | undefined): number {
  return visitsOf(parts).reduce((n, v) => n + v.tested, 0);
}

/** Every rule step shown, in walk order. */
export function ruleStepsOf(parts: readonly WalkPart[] | undefined): RuleStep[] {
  return visitsOf(parts).flatMap((v) => v.steps.filter((s): s is RuleStep => s.k === "rule"));
}

/** Every test of every shown rule, in walk order. */
export function testsOf(parts: readonly WalkPart[] | undefined): MatchTest[] {
  return ruleStepsOf(parts).flatMap((s) => s.tests ?? []);
}

export function ipvsOf(parts: readonly WalkPart[] | undefined): IpvsWalk[] {
  return (parts ?? []).filter((p): p is IpvsWalk => p.k === "ipvs");
}
