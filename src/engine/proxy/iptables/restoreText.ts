/**
 * The `iptables-restore` input kube-proxy writes, in the order its unit tests
 * compare it (`TestOverallIPTablesRules`): per table the declarations with
 * KUBE-NODEPORTS and KUBE-SERVICES first and the rest by name, then the rules
 * grouped by chain in that same order.
 */
import { byteCompare } from "./netfilter/ruleset";
import { type PortRules, type SyncBuffer, writePortLines } from "./portRules";
import type { RestoreLine, RestoreTable } from "./restoreBuffer";

const FIRST = ["KUBE-NODEPORTS", "KUBE-SERVICES"];

/** Declared chains of a table, deduplicated, in the test's order. */
export function orderedChains(declared: Iterable<string>): string[] {
  const set = new Set(declared);
  const first = FIRST.filter((c) => set.has(c));
  const rest = [...set].filter((c) => !FIRST.includes(c)).sort(byteCompare);
  return [...first, ...rest];
}

/**
 * The restore text. `include` says which service ports' own chains a
 * partial sync writes (the top-level chains are always written).
 */
export function renderRestore(buf: SyncBuffer, include: (p: PortRules) => boolean = () => true): string {
  const out: string[] = [];
  const declaring = [buf.head, ...buf.ports.filter(include), buf.tail];
  const lines: RestoreLine[][] = [buf.head.lines, ...buf.ports.map(writePortLines), buf.tail.lines];
  for (const table of ["filter", "nat"] as RestoreTable[]) {
    out.push(`*${table}`);
    const declared: string[] = [];
    for (const p of declaring) for (const c of p.chains[table]) declared.push(c);
    const chains = orderedChains(declared);
    const byChain = new Map<string, RestoreLine[]>();
    for (const c of chains) byChain.set(c, []);
    for (const part of lines) for (const l of part) if (l.table === table) byChain.get(l.chain)?.push(l);
    for (const c of chains) out.push(`:${c} - [0:0]`);
    for (const [c, lines] of byChain) for (const l of lines) out.push(`-A ${c} ${l.args.join(" ")}`);
    out.push("COMMIT");
  }
  return `${out.join("\n")}\n`;
}
