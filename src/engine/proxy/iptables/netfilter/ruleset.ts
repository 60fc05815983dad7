/** Building rulesets: tables with their built-in chains, user chains, appended rules. */
import { chainJumps, chainRuleCount, isPending } from "./lazy";
import { parseRule, tokenize } from "./parse";
import type { Chain, Rule, Ruleset, Table, TableName } from "./types";

/** Built-in chains per table, in the order the kernel (and iptables) lists them. */
export const BUILTIN_CHAINS: Record<TableName, string[]> = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
};

/** A table with empty built-in chains (policy ACCEPT). */
export function newTable(name: TableName): Table {
  const chains = new Map<string, Chain>();
  for (const c of BUILTIN_CHAINS[name])
    chains.set(c, { name: c, policy: "ACCEPT", rules: [], counters: { pkts: 0, bytes: 0 } });
  return { name, builtins: [...BUILTIN_CHAINS[name]], chains };
}

export function newRuleset(tables: readonly TableName[]): Ruleset {
  const rs: Ruleset = { tables: {} };
  for (const t of tables) rs.tables[t] = newTable(t);
  return rs;
}

/** `-N CHAIN` (no-op if it exists); returns the chain. */
export function ensureChain(table: Table, name: string): Chain {
  let c = table.chains.get(name);
  if (!c) {
    c = { name, rules: [], counters: { pkts: 0, bytes: 0 } };
    table.chains.set(name, c);
  }
  return c;
}

/** `-A CHAIN args…`: parses and appends; creates the chain if needed. */
export function appendRule(table: Table, chain: string, args: readonly string[]): Rule {
  const rule = parseRule(args);
  ensureChain(table, chain).rules.push(rule);
  return rule;
}

/** `-I CHAIN args…` (at the top). */
export function insertRule(table: Table, chain: string, args: readonly string[]): Rule {
  const rule = parseRule(args);
  ensureChain(table, chain).rules.unshift(rule);
  return rule;
}

/** Appends a rule written as one restore line body, e.g. `-m comment --comment "x" -j ACCEPT`. */
export function appendRuleText(table: Table, chain: string, text: string): Rule {
  return appendRule(table, chain, tokenize(text));
}

/** User-defined chains in the order legacy iptables lists them (libiptc keeps them sorted by name). */
export function userChains(table: Table): string[] {
  const out: string[] = [];
  for (const [name, c] of table.chains) if (c.policy === undefined) out.push(name);
  return out.sort(byteCompare);
}

/** All chains: built-ins first, then user chains alphabetically. */
export function listedChains(table: Table): string[] {
  return [...table.builtins, ...userChains(table)];
}

/** strcmp order. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many rules jump (or go) to each chain: what `iptables -L` shows as references. */
export function chainReferences(table: Table): Record<string, number> {
  const refs: Record<string, number> = Object.create(null);
  for (const c of table.chains.values()) {
    for (const j of chainJumps(c)) refs[j] = (refs[j] ?? 0) + 1;
  }
  return refs;
}

/** Total rules in a table. */
export function ruleCount(table: Table | undefined): number {
  let n = 0;
  if (table) for (const c of table.chains.values()) n += chainRuleCount(c);
  return n;
}

/** `iptables -Z`: zeroes rule and policy counters (of one chain, or all). */
export function zeroCounters(table: Table, chain?: string): void {
  for (const [name, c] of table.chains) {
    if (chain !== undefined && name !== chain) continue;
    // Only a built-in chain's policy counts; user chains may share a frozen zero.
    if (c.counters.pkts !== 0 || c.counters.bytes !== 0) {
      c.counters.pkts = 0;
      c.counters.bytes = 0;
    }
    // A chain not parsed yet has no packets counted.
    if (isPending(c)) continue;
    for (const r of c.rules) {
      r.counters.pkts = 0;
      r.counters.bytes = 0;
    }
  }
}
