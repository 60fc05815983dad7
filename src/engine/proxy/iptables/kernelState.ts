/**
 * Applies a sync's rules to the node's ruleset the way `iptables-restore
 * --noflush` does: every chain in the input is flushed and refilled (its
 * counters restart at zero); chains left out of a partial sync keep their
 * rules and counters; chains no longer wanted are deleted.
 */

import { installJumps } from "./jumpRules";
import { parseRule } from "./netfilter/parse";
import { newRuleset } from "./netfilter/ruleset";
import type { Chain, Ruleset } from "./netfilter/types";
import type { RestoreBuffer, RestoreTable } from "./restoreBuffer";

/** A fresh node: built-in chains, jumps, canaries; no service rules yet. */
export function initialRuleset(): Ruleset {
  const rs = newRuleset(["mangle", "filter", "nat"]);
  installJumps(rs);
  return rs;
}

/**
 * Rebuilds `rs` from `buf`. `keep(chain)` says a chain was skipped by a
 * partial sync, so its existing rules stay as they are.
 */
export function applyRestore(
  rs: Ruleset,
  previous: ReadonlySet<string>,
  buf: RestoreBuffer,
  keep: (chain: string) => boolean,
): void {
  for (const table of ["filter", "nat"] as RestoreTable[]) {
    const t = rs.tables[table]!;
    const wanted = new Set(buf.chains[table]);
    if (previous.size > 0) {
      for (const name of Object.keys(t.chains)) {
        if (!wanted.has(name) && previous.has(`${table}/${name}`)) delete t.chains[name];
      }
    }
    const fresh = new Map<string, Chain>();
    for (const name of wanted) {
      if (t.chains[name] && keep(name)) continue;
      const chain: Chain = { name, rules: [], counters: { pkts: 0, bytes: 0 } };
      fresh.set(name, chain);
      t.chains[name] = chain;
    }
    for (const l of buf.lines) {
      if (l.table !== table) continue;
      const chain = fresh.get(l.chain);
      if (chain) chain.rules.push(parseRule(l.args));
    }
  }
}

/** `table/chain` keys of every chain kube-proxy's restore input declares. */
export function ownedChains(buf: RestoreBuffer): Set<string> {
  const out = new Set<string>();
  for (const table of ["filter", "nat"] as RestoreTable[])
    for (const c of buf.chains[table]) out.add(`${table}/${c}`);
  return out;
}
