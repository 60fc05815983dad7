/**
 * Runs a packet through one table, starting at a chain, as the kernel's
 * `ipt_do_table` does: rule by rule, jumping into user chains (`-j`), going
 * (`-g`), returning at `RETURN` or a chain's end, stopping at a verdict or a
 * NAT target, and falling back to the built-in chain's policy.
 */

import { ipToNumber } from "../../../api/ipv4";
import type { Packet } from "../../../net/types";
import type { MatchedRule } from "../../types";
import { type CompiledChain, compiledChain, compiledMatches } from "./compiled";
import type { EvalContext, EvalResult } from "./context";
import { type PacketView, PROTO_NUMBERS } from "./matchers";
import { saveRule, saveTarget, targetName } from "./saveText";
import type { Chain, Rule, Table } from "./types";

/** The deepest a chain may call (the kernel allows far more; kube-proxy needs 4). */
const MAX_DEPTH = 64;

/**
 * Non-matching rules recorded in `walked` per visit of a chain.
 * The kernel tests every rule and keeps no record at all; the walk is
 * ours, for the UI. A first packet to the last of 10,000 Services tests
 * 10,000 KUBE-SERVICES rules: `walked` keeps the first WALK_WINDOW rules that
 * did not match in each chain visit plus every rule that matched, while
 * `rulesEvaluated` counts them all.
 */
export const WALK_WINDOW = 20;

function actionText(rule: Rule): string {
  const t = rule.target;
  if (!t) return "continue";
  return `${targetName(t)}${saveTarget(t)}`;
}

function entry(table: string, chain: string, rule: Rule, action: string): MatchedRule {
  return { table, chain, rule: saveRule(chain, rule), action };
}

function noMatch(table: string, chain: string, rule: Rule): MatchedRule {
  rule.noMatch ??= entry(table, chain, rule, "no match");
  return rule.noMatch;
}

/** Where a jump came from: the chain, its rules, the next rule, how many misses the walk recorded there. */
interface Frame {
  chain: Chain;
  rules: CompiledChain;
  index: number;
  recorded: number;
}

/** Evaluates `packet` in `table` from `chainName`; counters and `recent` lists are updated. */
export function evaluate(table: Table, chainName: string, packet: Packet, ctx: EvalContext): EvalResult {
  const record = ctx.recordWalk !== false;
  const v: PacketView = {
    packet: { ...packet },
    src: ipToNumber(packet.src) ?? 0,
    dst: ipToNumber(packet.dst) ?? 0,
    proto: PROTO_NUMBERS[packet.proto],
    lookups: 0,
  };
  const result: EvalResult = {
    verdict: "ACCEPT",
    packet: v.packet,
    matched: [],
    walked: [],
    rulesEvaluated: 0,
    lookups: 0,
  };
  const start = table.chains.get(chainName);
  if (!start) return result;
  const stack: Frame[] = [];
  let chain: Chain = start;
  let rules: CompiledChain = compiledChain(start);
  const dst = v.dst | 0;
  let index = 0;
  let recorded = 0;
  const bytes = packet.bytes;
  for (;;) {
    if (!record) {
      // Rules that fail on their `-d` column alone, tested in one tight loop (each still counted).
      const only = rules.dstOnly;
      const addr = rules.dstAddr;
      const mask = rules.dstMask;
      const n = rules.length;
      let j = index;
      while (j < n && only[j] === 1 && (dst & mask[j]!) !== addr[j]) j++;
      result.rulesEvaluated += j - index;
      index = j;
    }
    if (index >= rules.length) {
      // End of a user chain returns; end of the base chain applies its policy.
      const frame = stack.pop();
      if (frame) {
        ({ chain, rules, index, recorded } = frame);
        continue;
      }
      return policy(start, result, v);
    }
    const i = index++;
    result.rulesEvaluated++;
    // The destination column first: most rules of a long chain fail on `-d` alone.
    const miss =
      (rules.dstOnly[i] === 1 && (dst & rules.dstMask[i]!) !== rules.dstAddr[i]) ||
      !compiledMatches(rules.rules[i]!, v, ctx);
    if (miss) {
      if (record && recorded < WALK_WINDOW) {
        recorded++;
        result.walked.push(noMatch(table.name, chain.name, rules.rules[i]!.rule));
      }
      continue;
    }
    const rule = rules.rules[i]!.rule;
    rule.counters.pkts++;
    rule.counters.bytes += bytes;
    const hit = entry(table.name, chain.name, rule, actionText(rule));
    result.matched.push(hit);
    if (record) result.walked.push(hit);
    const t = rule.target;
    if (!t) continue;
    switch (t.name) {
      case "jump": {
        const next = table.chains.get(t.chain);
        if (!next) continue;
        if (!t.goto) stack.push({ chain, rules, index, recorded });
        if (stack.length > MAX_DEPTH) throw new Error(`iptables: chain loop through ${t.chain}`);
        chain = next;
        rules = compiledChain(next);
        index = 0;
        recorded = 0;
        continue;
      }
      case "RETURN": {
        const frame = stack.pop();
        if (!frame) return policy(start, result, v);
        ({ chain, rules, index, recorded } = frame);
        continue;
      }
      case "MARK":
        v.packet.mark = ((v.packet.mark & ~t.mask) ^ t.value) >>> 0;
        continue;
      case "ACCEPT":
        return done(result, v, "ACCEPT");
      case "DROP":
        return done(result, v, "DROP");
      case "REJECT":
        result.rejectWith = t.rejectWith;
        return done(result, v, "REJECT");
      case "DNAT": {
        const port = t.port ?? v.packet.dport;
        result.dnat = { ip: t.ip, port };
        v.packet.dst = t.ip;
        v.packet.dport = port;
        return done(result, v, "ACCEPT");
      }
      case "SNAT": {
        const port = t.port ?? v.packet.sport;
        result.snat = { ip: t.ip, port };
        v.packet.src = t.ip;
        v.packet.sport = port;
        return done(result, v, "ACCEPT");
      }
      case "MASQUERADE":
        result.snat = "MASQUERADE";
        return done(result, v, "ACCEPT");
    }
  }
}

function done(result: EvalResult, v: PacketView, verdict: EvalResult["verdict"]): EvalResult {
  result.verdict = verdict;
  result.lookups = v.lookups;
  return result;
}

function policy(base: Chain, result: EvalResult, v: PacketView): EvalResult {
  // Only a policy counts (a user chain's counters are a shared, frozen zero).
  if (base.policy !== undefined) {
    base.counters.pkts++;
    base.counters.bytes += v.packet.bytes;
  }
  return done(result, v, base.policy ?? "ACCEPT");
}
