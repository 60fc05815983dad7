/**
 * Chains whose rules are parsed on first use. A sync with 10,000 Services
 * declares some 110,000 chains; a packet only ever walks a handful, so a
 * chain stays pending until evaluation first touches `chain.rules`.
 * Read-only renderers (`iptables-save`, `-L`, `-S`) parse a pending chain
 * without keeping the result, so listing a big table does not pin every
 * rule in memory.
 */
import type { CompiledChain } from "./compiled";
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

/**
 * A user chain never counts (only a built-in chain's policy does): every
 * pending chain shares one zero, frozen so that a write would throw.
 */
const NO_PACKETS: Counters = Object.freeze({ pkts: 0, bytes: 0 });

/** A user chain whose `rules` are parsed from its source on first use, then kept. */
class PendingChain implements Chain {
  /** Set once a packet walks the chain (no field until then: most chains are never walked). */
  declare compiled?: CompiledChain;
  private parsed: Rule[] | undefined = undefined;

  constructor(
    readonly name: string,
    readonly source: ChainSource,
  ) {}

  /** The shared zero (on the prototype: no field per pending chain). */
  get counters(): Counters {
    return NO_PACKETS;
  }

  get rules(): Rule[] {
    this.parsed ??= this.source.parse(this.name);
    return this.parsed;
  }

  set rules(rules: Rule[]) {
    this.parsed = rules;
  }

  /** Not parsed yet (so no packet has been counted in it). */
  get pending(): boolean {
    return this.parsed === undefined;
  }
}

/** A user chain (zero counters) whose `rules` are parsed from `source` on first access. */
export function lazyChain(name: string, source: ChainSource): Chain {
  return new PendingChain(name, source);
}

const pendingSource = (chain: Chain): ChainSource | undefined =>
  chain instanceof PendingChain && chain.pending ? chain.source : undefined;

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
