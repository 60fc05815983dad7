/**
 * Chains whose rules are parsed on first use. A sync with 10,000 Services
 * declares some 110,000 chains; a packet only ever walks a handful, so a
 * chain stays pending until evaluation first touches `chain.rules`.
 * Read-only renderers (`iptables-save`, `-L`, `-S`) parse a pending chain
 * without keeping the result, so listing a big table does not pin every
 * rule in memory.
 */
import type { Chain, Counters, Rule } from "./types";

/** Where pending chains' rules come from (one source may serve many chains). */
export interface ChainSource {
  /** How many rules the chain holds. */
  count(chain: string): number;
  /** The chains its rules jump (`-j`) or go (`-g`) to, without parsing them. */
  jumps(chain: string): string[];
  /** Parses the chain's rules (fresh objects, counters at zero). */
  parse(chain: string): Rule[];
}

const PENDING = Symbol("pendingRules");

interface PendingChain extends Chain {
  [PENDING]?: ChainSource | undefined;
}

function settle(chain: PendingChain, rules: Rule[]): void {
  Object.defineProperty(chain, "rules", {
    value: rules,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  chain[PENDING] = undefined;
}

/**
 * `rules` of a pending chain: an own, enumerable accessor (so the chain reads,
 * spreads and serializes like plain data) that turns into an ordinary data
 * property on first use. One shared getter/setter pair keeps every pending
 * chain on one hidden class; a getter in an object literal would cost a
 * closure pair per chain.
 */
const RULES_ACCESSOR: PropertyDescriptor = {
  get(this: PendingChain): Rule[] {
    const rules = this[PENDING]!.parse(this.name);
    settle(this, rules);
    return rules;
  },
  set(this: PendingChain, rules: Rule[]): void {
    settle(this, rules);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A user chain never counts (only a built-in chain's policy does): every
 * pending chain shares one zero, frozen so that a write would throw.
 */
const NO_PACKETS: Counters = Object.freeze({ pkts: 0, bytes: 0 });

/** A user chain (zero counters) whose `rules` are parsed from `source` on first access. */
export function lazyChain(name: string, source: ChainSource): Chain {
  const chain = { name, counters: NO_PACKETS, [PENDING]: source } as PendingChain;
  Object.defineProperty(chain, "rules", RULES_ACCESSOR);
  return chain;
}

const pendingSource = (chain: Chain): ChainSource | undefined => (chain as PendingChain)[PENDING];

/** The chains a chain's rules jump to; a pending chain answers without parsing. */
export function chainJumps(chain: Chain): string[] {
  const src = pendingSource(chain);
  if (src) return src.jumps(chain.name);
  const out: string[] = [];
  for (const r of chain.rules) if (r.target?.name === "jump") out.push(r.target.chain);
  return out;
}

/** True while the chain's rules have not been parsed (so no packet has been counted in them). */
export function isPending(chain: Chain): boolean {
  return pendingSource(chain) !== undefined;
}

/** The chain's rules for reading: a pending chain is parsed without being materialized. */
export function readRules(chain: Chain): readonly Rule[] {
  const src = pendingSource(chain);
  return src ? src.parse(chain.name) : chain.rules;
}

/** Number of rules, without parsing a pending chain. */
export function chainRuleCount(chain: Chain): number {
  const src = pendingSource(chain);
  return src ? src.count(chain.name) : chain.rules.length;
}
