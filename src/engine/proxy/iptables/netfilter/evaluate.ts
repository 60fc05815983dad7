/**
 * Runs a packet through one table, starting at a chain, as the kernel's
 * `ipt_do_table` does: rule by rule, jumping into user chains (`-j`), going
 * (`-g`), returning at `RETURN` or a chain's end, stopping at a verdict or a
 * NAT target, and falling back to the built-in chain's policy.
 */
import type { Packet } from "../../../net/types";
import type { MatchedRule } from "../../types";
import { parseIPv4 } from "./addr";
import type { EvalContext, EvalResult } from "./context";
import { type PacketView, PROTO_NUMBERS, ruleMatches } from "./matchers";
import { saveRule, saveTarget, targetName } from "./saveText";
import type { Chain, Rule, Table } from "./types";

/** The deepest a chain may call (the kernel allows far more; kube-proxy needs 4). */
const MAX_DEPTH = 64;

const noMatchCache = new WeakMap<Rule, MatchedRule>();

function actionText(rule: Rule): string {
  const t = rule.target;
  if (!t) return "continue";
  return `${targetName(t)}${saveTarget(t)}`;
}

function entry(table: string, chain: string, rule: Rule, action: string): MatchedRule {
  return { table, chain, rule: saveRule(chain, rule), action };
}

function noMatch(table: string, chain: string, rule: Rule): MatchedRule {
  let e = noMatchCache.get(rule);
  if (!e) {
    e = entry(table, chain, rule, "no match");
    noMatchCache.set(rule, e);
  }
  return e;
}

/** Evaluates `packet` in `table` from `chainName`; counters and `recent` lists are updated. */
export function evaluate(table: Table, chainName: string, packet: Packet, ctx: EvalContext): EvalResult {
  const record = ctx.recordWalk !== false;
  const v: PacketView = {
    packet: { ...packet },
    src: parseIPv4(packet.src) ?? 0,
    dst: parseIPv4(packet.dst) ?? 0,
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
  const start = table.chains[chainName];
  if (!start) return result;
  const stack: { chain: Chain; index: number }[] = [];
  let chain: Chain = start;
  let index = 0;
  const bytes = packet.bytes;
  for (;;) {
    if (index >= chain.rules.length) {
      // End of a user chain returns; end of the base chain applies its policy.
      const frame = stack.pop();
      if (frame) {
        chain = frame.chain;
        index = frame.index;
        continue;
      }
      return policy(start, result, v);
    }
    const rule = chain.rules[index++]!;
    result.rulesEvaluated++;
    if (!ruleMatches(rule, v, ctx)) {
      if (record) result.walked.push(noMatch(table.name, chain.name, rule));
      continue;
    }
    rule.counters.pkts++;
    rule.counters.bytes += bytes;
    const hit = entry(table.name, chain.name, rule, actionText(rule));
    result.matched.push(hit);
    if (record) result.walked.push(hit);
    const t = rule.target;
    if (!t) continue;
    switch (t.name) {
      case "jump": {
        const next = table.chains[t.chain];
        if (!next) continue;
        if (!t.goto) stack.push({ chain, index });
        if (stack.length > MAX_DEPTH) throw new Error(`iptables: chain loop through ${t.chain}`);
        chain = next;
        index = 0;
        continue;
      }
      case "RETURN": {
        const frame = stack.pop();
        if (!frame) return policy(start, result, v);
        chain = frame.chain;
        index = frame.index;
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
  base.counters.pkts++;
  base.counters.bytes += v.packet.bytes;
  return done(result, v, base.policy ?? "ACCEPT");
}
