/**
 * The `iptables-restore` input kube-proxy writes, in the order its unit tests
 * compare it (`TestOverallIPTablesRules`): per table the declarations with
 * KUBE-NODEPORTS and KUBE-SERVICES first and the rest by name, then the rules
 * grouped by chain in that same order.
 */
import { byteCompare } from "./netfilter/ruleset";
import type { RestoreBuffer, RestoreLine, RestoreTable } from "./restoreBuffer";

const FIRST = ["KUBE-NODEPORTS", "KUBE-SERVICES"];

/** Declared chains of a table, deduplicated, in the test's order. */
export function orderedChains(buf: RestoreBuffer, table: RestoreTable): string[] {
  const set = new Set(buf.chains[table]);
  const first = FIRST.filter((c) => set.has(c));
  const rest = [...set].filter((c) => !FIRST.includes(c)).sort(byteCompare);
  return [...first, ...rest];
}

/** Rules per chain, in write order. */
export function linesByChain(buf: RestoreBuffer, table: RestoreTable): Map<string, RestoreLine[]> {
  const out = new Map<string, RestoreLine[]>();
  for (const l of buf.lines) {
    if (l.table !== table) continue;
    let list = out.get(l.chain);
    if (!list) {
      list = [];
      out.set(l.chain, list);
    }
    list.push(l);
  }
  return out;
}

/**
 * The restore text. `include` filters what a partial sync writes (chains
 * whose declaration it keeps are still declared, as kube-proxy does).
 */
export function renderRestore(buf: RestoreBuffer, include: (chain: string) => boolean = () => true): string {
  const out: string[] = [];
  for (const table of ["filter", "nat"] as const) {
    out.push(`*${table}`);
    const chains = orderedChains(buf, table).filter(include);
    const byChain = linesByChain(buf, table);
    for (const c of chains) out.push(`:${c} - [0:0]`);
    for (const c of chains) for (const l of byChain.get(c) ?? []) out.push(`-A ${c} ${l.args.join(" ")}`);
    out.push("COMMIT");
  }
  return `${out.join("\n")}\n`;
}
