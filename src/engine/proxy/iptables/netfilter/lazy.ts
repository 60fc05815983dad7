/**
 * Chains whose rules are parsed on first use. A sync with 10,000 Services
 * declares some 110,000 chains; a packet only ever walks a handful, so a
 * chain keeps its restore lines and parses them when evaluation first
 * touches `chain.rules`. Read-only renderers (`iptables-save`, `-L`, `-S`)
 * parse a pending chain without keeping the result, so listing a big table
 * does not pin every rule in memory.
 */
import type { Chain, Rule } from "./types";

/** Where a pending chain's rules come from. */
export interface RuleSource {
  /** How many rules the chain holds. */
  readonly count: number;
  /** The chains its rules jump (`-j`) or go (`-g`) to, without parsing them. */
  jumps(): string[];
  /** Parses the rules (fresh objects, counters at zero). */
  parse(): Rule[];
}

const pending = new WeakMap<Chain, RuleSource>();

/** A user chain (zero counters) whose `rules` are parsed from `source` on first access. */
export function lazyChain(name: string, source: RuleSource): Chain {
  let rules: Rule[] | undefined;
  const chain: Chain = {
    name,
    get rules(): Rule[] {
      if (rules === undefined) {
        rules = source.parse();
        pending.delete(chain);
      }
      return rules;
    },
    set rules(value: Rule[]) {
      rules = value;
      pending.delete(chain);
    },
    counters: { pkts: 0, bytes: 0 },
  };
  pending.set(chain, source);
  return chain;
}

/** The source of a chain not parsed yet; undefined once parsed (or for an ordinary chain). */
export function pendingSource(chain: Chain): RuleSource | undefined {
  return pending.get(chain);
}

/** The chain's rules for reading: a pending chain is parsed without being materialized. */
export function readRules(chain: Chain): readonly Rule[] {
  const src = pending.get(chain);
  return src ? src.parse() : chain.rules;
}

/** Number of rules, without parsing a pending chain. */
export function chainRuleCount(chain: Chain): number {
  const src = pending.get(chain);
  return src ? src.count : chain.rules.length;
}
