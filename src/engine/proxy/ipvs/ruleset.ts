/**
 * IPVS mode's few iptables rules as a netfilter ruleset, so `iptables -L`
 * and `iptables-save` on a node in IPVS mode show what kube-proxy wrote.
 */

import type { Ruleset } from "../iptables/netfilter";
import { appendRuleText, ensureChain, newRuleset } from "../iptables/netfilter";
import type { IptTable } from "./rules";

export function ipvsRuleset(tables: { nat: IptTable; filter: IptTable }): Ruleset {
  const rs = newRuleset(["mangle", "filter", "nat"]);
  for (const t of [tables.filter, tables.nat]) {
    const table = rs.tables[t.name]!;
    for (const chain of [...t.builtins, ...t.chains]) ensureChain(table, chain);
    for (const r of t.rules) appendRuleText(table, r.chain, r.text.replace(/^-A \S+ /, ""));
  }
  return rs;
}
