/**
 * Runs a packet through one table, starting at a chain, as the kernel's
 * `ipt_do_table` does: rule by rule, jumping into user chains (`-j`), going
 * (`-g`), returning at `RETURN` or a chain's end, stopping at a verdict or a
 * NAT target, and falling back to the built-in chain's policy.
 */

import { ipToNumber } from "../../../api/ipv4";
import type { ChainVisit, MatchTest, RuleStep } from "../../../net/hopWalk";
import type { Packet } from "../../../net/types";
import { VisitBuilder } from "../../../net/visitBuilder";
import type { MatchedRule } from "../../types";
import { type CompiledChain, compiledChain, compiledMatches, compiledRule, missesFrom } from "./compiled";
import type { EvalContext, EvalResult } from "./context";
import { type PacketView, PROTO_NUMBERS } from "./matchers";
import { saveRule, saveTarget, targetName } from "./saveText";
import type { Chain, Rule, Table } from "./types";

/** The deepest a chain may call (the kernel allows far more; kube-proxy needs 4). */
const MAX_DEPTH = 64;

function actionText(rule: Rule): string {
  const t = rule.target;
  if (!t) return "continue";
  return `${targetName(t)}${saveTarget(t)}`;
}

function entry(table: string, chain: string, rule: Rule, action: string): MatchedRule {
  return { table, chain, rule: saveRule(chain, rule), action };
}

/** The visit being recorded in a chain, and the rule step that called it (none for the base chain). */
interface Recording {
  visit: VisitBuilder;
  caller: RuleStep | undefined;
}

/** Where a jump came from: the chain, its rules, the next rule, its recording when the walk is recorded. */
interface Frame {
  chain: Chain;
  rules: CompiledChain;
  index: number;
  rec: Recording | undefined;
}

function recording(table: Table, chain: Chain, rules: CompiledChain, ctx: EvalContext, caller?: RuleStep) {
  const list = rules.from;
  const name = chain.name;
  const visit = new VisitBuilder(table.name, name, rules.length, (i) => saveRule(name, list[i]!), ctx.folds);
  return { visit, caller };
}

/** Evaluates `packet` in `table` from `chainName`; counters and `recent` lists are updated. */
export function evaluate(table: Table, chainName: string, packet: Packet, ctx: EvalContext): EvalResult {
  const record = ctx.recordWalk === true;
  const list = ctx.countsOnly !== true;
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
    rulesEvaluated: 0,
    lookups: 0,
  };
  const start = table.chains.get(chainName);
  if (!start) return result;
  const stack: Frame[] = [];
  let chain: Chain = start;
  let rules: CompiledChain = compiledChain(start);
  // A traced packet: each chain visited is recorded, with what its matches read.
  const tests: MatchTest[] | undefined = record ? [] : undefined;
  if (tests) ctx.tests = tests;
  let rec: Recording | undefined = record ? recording(table, start, rules, ctx) : undefined;
  const dst = v.dst | 0;
  let index = 0;
  const bytes = packet.bytes;
  for (;;) {
    // Rules that fail on their `-d` column alone, tested in one tight loop (each still counted).
    const j = missesFrom(rules, index, dst);
    result.rulesEvaluated += j - index;
    if (rec && j > index) rec.visit.misses(index, j);
    index = j;
    if (index >= rules.length) {
      // End of a user chain returns; end of the base chain applies its policy.
      const frame = stack.pop();
      if (frame) {
        close(rec, result, "return");
        ({ chain, rules, index, rec } = frame);
        continue;
      }
      close(rec, result, "policy");
      return policy(start, result, v);
    }
    const i = index++;
    result.rulesEvaluated++;
    if (tests) tests.length = 0;
    const compiled = compiledRule(rules, i);
    if (!compiledMatches(compiled, v, ctx)) {
      rec?.visit.miss(i, tests?.length ? tests.slice() : undefined);
      continue;
    }
    const rule = compiled.rule;
    rule.counters.pkts++;
    rule.counters.bytes += bytes;
    const action = list || rec ? actionText(rule) : "";
    if (list) result.matched.push(entry(table.name, chain.name, rule, action));
    const step = rec?.visit.hit(i, action, tests?.length ? tests.slice() : undefined);
    const t = rule.target;
    if (!t) continue;
    switch (t.name) {
      case "jump": {
        const next = table.chains.get(t.chain);
        if (!next) continue;
        if (t.goto) close(rec, result, "goto");
        else stack.push({ chain, rules, index, rec });
        if (stack.length > MAX_DEPTH) throw new Error(`iptables: chain loop through ${t.chain}`);
        chain = next;
        rules = compiledChain(next);
        index = 0;
        if (record) rec = recording(table, next, rules, ctx, step);
        continue;
      }
      case "RETURN": {
        const frame = stack.pop();
        if (!frame) {
          close(rec, result, "policy");
          return policy(start, result, v);
        }
        close(rec, result, "return");
        ({ chain, rules, index, rec } = frame);
        continue;
      }
      case "MARK":
        v.packet.mark = ((v.packet.mark & ~t.mask) ^ t.value) >>> 0;
        continue;
    }
    if (step) step.decided = true;
    closeAll(rec, stack, result);
    switch (t.name) {
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

/** Ends the recorded visit and hangs it under the rule that called it (or makes it the walk). */
function close(rec: Recording | undefined, result: EvalResult, exit: ChainVisit["exit"]): void {
  if (!rec) return;
  const visit = rec.visit.finish(exit);
  if (rec.caller) rec.caller.call = visit;
  else result.visit = visit;
}

/** A verdict ends every visit on the way down, innermost first. */
function closeAll(rec: Recording | undefined, stack: Frame[], result: EvalResult): void {
  close(rec, result, "verdict");
  for (let f = stack.pop(); f; f = stack.pop()) close(f.rec, result, "verdict");
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
