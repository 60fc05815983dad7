/**
 * Applies a sync's rules to the node's ruleset the way `iptables-restore
 * --noflush` does: every chain in the input is flushed and refilled (its
 * counters restart at zero); chains left out of a partial sync keep their
 * rules and counters; chains no longer wanted are deleted.
 */

import { installJumps } from "./jumpRules";
import { lazyChain } from "./netfilter/lazy";
import { parseRule } from "./netfilter/parse";
import { targetFor } from "./netfilter/parseTarget";
import { newRuleset } from "./netfilter/ruleset";
import type { Chain, Rule, Ruleset } from "./netfilter/types";
import { bufferParts, type PortRules, type RestoreLine, type RestoreTable, type SyncBuffer } from "./restoreBuffer";
import type { SyncPlan } from "./syncAccounting";

/** A fresh node: built-in chains, jumps, canaries; no service rules yet. */
export function initialRuleset(): Ruleset {
  const rs = newRuleset(["mangle", "filter", "nat"]);
  installJumps(rs);
  return rs;
}

/** A top-level line's rule with fresh counters (the parse is kept on the line for the next sync). */
function topRule(l: RestoreLine): Rule {
  l.parsed ??= parseRule(l.args);
  return { ...l.parsed, counters: { pkts: 0, bytes: 0 } };
}

/** The chain a line jumps (`-j`) or goes (`-g`) to, without parsing it. */
function jumpOf(l: RestoreLine): string | undefined {
  const a = l.args;
  for (let i = a.length - 2; i >= 0; i--) {
    const opt = a[i];
    if (opt === "-j" || opt === "--jump" || opt === "-g" || opt === "--goto") {
      const name = a[i + 1]!;
      const goto = opt === "-g" || opt === "--goto";
      return targetFor(name, goto).name === "jump" ? name : undefined;
    }
  }
  return undefined;
}

/**
 * A service port's own chain, parsed when first walked or listed.
 * NOTE: iptables-restore parses (and would refuse) every line up front; the
 * lines kube-proxy writes always parse, so nothing is lost by waiting.
 */
function ownChain(name: string, lines: readonly RestoreLine[]): Chain {
  return lazyChain(name, {
    count: lines.length,
    jumps: () => lines.map(jumpOf).filter((j): j is string => j !== undefined),
    parse: () => lines.map((l) => parseRule(l.args)),
  });
}

function fillPortChains(t: Record<string, Chain>, p: PortRules, table: RestoreTable, onlyMissing: boolean): void {
  const declared = p.chains[table];
  if (declared.length === 0) return;
  const byChain = new Map<string, RestoreLine[]>();
  for (const c of declared) byChain.set(c, []);
  for (const l of p.lines) if (l.table === table) byChain.get(l.chain)?.push(l);
  for (const [c, lines] of byChain) if (!onlyMissing || !t[c]) t[c] = ownChain(c, lines);
}

/** Rebuilds `rs` from `buf` as `plan` says (stale chains deleted, unchanged ports' chains kept). */
export function applyRestore(rs: Ruleset, buf: SyncBuffer, plan: SyncPlan): void {
  const parts = bufferParts(buf);
  for (const table of ["filter", "nat"] as RestoreTable[]) {
    const t = rs.tables[table]!.chains;
    for (const name of plan.stale[table]) delete t[name];
    const top = new Map<string, Rule[]>();
    for (const name of buf.head.chains[table]) {
      const chain: Chain = { name, rules: [], counters: { pkts: 0, bytes: 0 } };
      top.set(name, chain.rules);
      t[name] = chain;
    }
    for (const part of parts)
      for (const l of part.lines) if (l.table === table && l.owner === undefined) top.get(l.chain)?.push(topRule(l));
    for (const p of buf.ports) {
      if (plan.changed.has(p)) fillPortChains(t, p, table, false);
      else if (plan.recomputed.has(p)) fillPortChains(t, p, table, true);
    }
  }
}
