/**
 * Applies a sync's rules to the node's ruleset the way `iptables-restore
 * --noflush` does: every chain in the input is flushed and refilled (its
 * counters restart at zero); chains left out of a partial sync keep their
 * rules and counters; chains no longer wanted are deleted.
 */

import { installJumps } from "./jumpRules";
import { type ChainSource, lazyChain } from "./netfilter/lazy";
import { parseRule } from "./netfilter/parse";
import { targetFor } from "./netfilter/parseTarget";
import { newRuleset } from "./netfilter/ruleset";
import type { Chain, Rule, Ruleset } from "./netfilter/types";
import type { PortLines, PortRules, SyncBuffer } from "./portRules";
import type { RestoreLine, RestoreTable } from "./restoreBuffer";
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
      return targetFor(name, opt === "-g" || opt === "--goto").name === "jump" ? name : undefined;
    }
  }
  return undefined;
}

/**
 * A service port's own chains, parsed when first walked or listed (one
 * source per port and table; its methods are on the prototype, not per source).
 * NOTE: iptables-restore parses (and would refuse) every line up front; the
 * lines kube-proxy writes always parse, so nothing is lost by waiting.
 */
class PortSource implements ChainSource {
  constructor(
    readonly part: PortRules,
    readonly table: RestoreTable,
    readonly lines: PortLines,
  ) {}

  count(chain: string): number {
    return this.part.counts[this.table][this.part.chains[this.table].indexOf(chain)] ?? 0;
  }

  jumps(chain: string): string[] {
    const out: string[] = [];
    for (const l of this.linesOf(chain)) {
      const j = jumpOf(l);
      if (j !== undefined) out.push(j);
    }
    return out;
  }

  parse(chain: string): Rule[] {
    return this.linesOf(chain).map((l) => parseRule(l.args));
  }

  private linesOf(chain: string): RestoreLine[] {
    return this.lines.of(this.part).filter((l) => l.table === this.table && l.chain === chain);
  }
}

function fillPortChains(
  t: Map<string, Chain>,
  p: PortRules,
  table: RestoreTable,
  onlyMissing: boolean,
  lines: PortLines,
): void {
  const declared = p.chains[table];
  if (declared.length === 0) return;
  const source = new PortSource(p, table, lines);
  for (let i = 0; i < declared.length; i++) {
    const c = declared[i]!;
    if (!onlyMissing || !t.has(c)) t.set(c, lazyChain(c, source));
  }
}

/** Rebuilds `rs` from `buf` as `plan` says (stale chains deleted, unchanged ports' chains kept). */
export function applyRestore(rs: Ruleset, buf: SyncBuffer, plan: SyncPlan, lines: PortLines): void {
  for (const table of ["filter", "nat"] as RestoreTable[]) {
    const t = rs.tables[table]!.chains;
    for (const name of plan.stale[table]) t.delete(name);
    const top = new Map<string, Rule[]>();
    for (const name of buf.head.chains[table]) {
      const chain: Chain = { name, rules: [], counters: { pkts: 0, bytes: 0 } };
      top.set(name, chain.rules);
      t.set(name, chain);
    }
    // Indexed loops: these run once per sync over every port, mostly before the compiler has
    // warmed to them, where for-of makes an iterator result per element.
    const fill = (lines: readonly RestoreLine[]) => {
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.table === table) top.get(l.chain)?.push(topRule(l));
      }
    };
    const ports = buf.ports;
    fill(buf.head.lines);
    for (let i = 0; i < ports.length; i++) fill(ports[i]!.top);
    fill(buf.tail.lines);
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i]!;
      if (plan.changed.has(p)) fillPortChains(t, p, table, false, lines);
      else if (plan.recomputed.has(p)) fillPortChains(t, p, table, true, lines);
    }
  }
}
