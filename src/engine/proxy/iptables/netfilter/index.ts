/** A generic netfilter (iptables) rule model, evaluator and renderers. */
export type { EvalContext, EvalResult, RecentLists } from "./context";
export { RuleParseError } from "./errors";
export { evaluate } from "./evaluate";
export { type ListOptions, type ListOutput, listRules, listTable } from "./list";
export { parseRule, tokenize } from "./parse";
export {
  appendRule,
  appendRuleText,
  chainReferences,
  ensureChain,
  insertRule,
  listedChains,
  newRuleset,
  newTable,
  ruleCount,
  zeroCounters,
} from "./ruleset";
export { IPTABLES_VERSION, iptablesSave, type SaveOptions } from "./save";
export { saveRule } from "./saveText";
export type * from "./types";
