/**
 * A small evaluator for the IPVS-mode iptables rules in rules.ts: walks a
 * chain rule by rule (each tested rule counts in `rulesEvaluated`, each
 * `--match-set` test counts as one hash `lookup`), follows jumps, applies
 * MARK, and stops at a terminal verdict.
 * NOTE: a local stand-in for the shared netfilter evaluator.
 */

import { cidrTextContains } from "../../api/ipv4";
import type { Packet } from "../../net/types";
import type { HookContext, MatchedRule } from "../types";
import type { IpsetIndex } from "./ipsets";
import type { IptMatch, IptRule, IptTable } from "./rules";

export type ChainVerdict = "ACCEPT" | "DROP" | "REJECT" | "MASQUERADE" | "RETURN";

export interface WalkResult {
  verdict: ChainVerdict | "CONTINUE";
  packet: Packet;
  matched: MatchedRule[];
  walked: MatchedRule[];
  rulesEvaluated: number;
  lookups: number;
}

function byChain(table: IptTable): Map<string, IptRule[]> {
  const m = new Map<string, IptRule[]>();
  for (const r of table.rules) {
    const list = m.get(r.chain);
    if (list) list.push(r);
    else m.set(r.chain, [r]);
  }
  return m;
}

const cache = new WeakMap<IptTable, Map<string, IptRule[]>>();

/** One walk's state: the table, the packet context and the result being filled. */
interface Walk {
  table: IptTable;
  chains: Map<string, IptRule[]>;
  ctx: HookContext;
  sets: IpsetIndex;
  res: WalkResult;
}

function matches(w: Walk, m: IptMatch): boolean {
  const p = w.res.packet;
  switch (m.kind) {
    case "src":
      return cidrTextContains(m.cidr, p.src) !== m.neg;
    case "proto":
      return p.proto === m.proto;
    case "comment":
      return true;
    case "set":
      w.res.lookups++;
      return w.sets.test(m.name, m.dirs, p);
    case "addrtype":
      return (m.which === "dst" ? w.ctx.dstIsLocal : w.ctx.srcIsLocal) !== m.neg;
    case "mark":
      return ((p.mark & m.value) === m.value) !== m.neg;
    case "conntrack":
      return m.states.includes(w.ctx.ctState);
    case "physdev-is-in":
      // NOTE: bridged ingress is assumed only for the classic cni0/docker0 bridges.
      return (w.ctx.inInterface === "cni0" || w.ctx.inInterface === "docker0") !== m.neg;
  }
}

function allMatch(w: Walk, r: IptRule): boolean {
  for (const m of r.matches) if (!matches(w, m)) return false;
  return true;
}

function run(w: Walk, name: string, depth: number): ChainVerdict | "CONTINUE" {
  const { res } = w;
  for (const r of w.chains.get(name) ?? NO_RULES) {
    res.rulesEvaluated++;
    const ok = allMatch(w, r);
    const action = ok ? actionOf(r) : "no match";
    res.walked.push({ table: w.table.name, chain: name, rule: r.text, action });
    if (!ok) continue;
    res.matched.push({ table: w.table.name, chain: name, rule: r.text, action });
    const t = r.target;
    if (t.kind === "jump") {
      if (depth > 16) return "DROP";
      const v = run(w, t.chain, depth + 1);
      if (v !== "CONTINUE" && v !== "RETURN") return v;
    } else if (t.kind === "MARK-OR") {
      res.packet.mark |= t.value;
    } else if (t.kind === "MARK-XOR") {
      res.packet.mark ^= t.value;
    } else {
      return t.kind;
    }
  }
  return "CONTINUE";
}

const NO_RULES: readonly IptRule[] = [];

/** Evaluates `chain` of `table` for one packet. */
export function walkChain(
  table: IptTable,
  chain: string,
  packet: Packet,
  ctx: HookContext,
  sets: IpsetIndex,
): WalkResult {
  let chains = cache.get(table);
  if (!chains) {
    chains = byChain(table);
    cache.set(table, chains);
  }
  const res: WalkResult = {
    verdict: "CONTINUE",
    packet: { ...packet },
    matched: [],
    walked: [],
    rulesEvaluated: 0,
    lookups: 0,
  };
  res.verdict = run({ table, chains, ctx, sets, res }, chain, 0);
  return res;
}

const actions = new WeakMap<IptRule, string>();

function actionOf(r: IptRule): string {
  let a = actions.get(r);
  if (a === undefined) {
    a = actionText(r);
    actions.set(r, a);
  }
  return a;
}

function actionText(r: IptRule): string {
  const t = r.target;
  if (t.kind === "jump") return t.chain;
  if (t.kind === "MARK-OR") return `MARK or 0x${t.value.toString(16)}`;
  if (t.kind === "MARK-XOR") return `MARK xor 0x${t.value.toString(16)}`;
  return t.kind;
}
