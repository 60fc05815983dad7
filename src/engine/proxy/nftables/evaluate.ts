/**
 * Runs a packet through the kube-proxy table at one netfilter hook, the way
 * nf_tables does: base chains in priority order, jump/goto with a return
 * stack, verdict maps as one hashed lookup each. NAT chains only see a
 * connection's first packet. `dnat`, `masquerade` and `reject` end the
 * evaluation, as the kernel's nat and reject expressions do.
 */

import { cidrContains, ipToNumber } from "../../api/ipv4";
import type { ChainVisit, MatchTest, RuleStep } from "../../net/hopWalk";
import type { Hook, Packet } from "../../net/types";
import { VisitBuilder } from "../../net/visitBuilder";
import type { HookContext, HookResult } from "../types";
import type { Cond, NftChain, NftRule, NftSet, NftTable, Stmt, Verdict } from "./model";
import { actionText } from "./rules";

/**
 * What evaluation reads of a table: the fixed part (base chains, shared
 * sets and maps) and any chain or set by name, however it is stored.
 */
export interface TableView {
  /** The table's fixed objects; its base chains are the hooks' entry points. */
  readonly fixed: NftTable;
  /**
   * The chain `name`; `from` is the verdict or action that names it, which
   * may know where it is, and `at` its position among a numgen's targets.
   */
  chain(name: string, from?: object, at?: number): NftChain | undefined;
  set(name: string): NftSet | undefined;
  /** The base chains hooked at `hook`, lowest priority first. */
  baseChains(hook: Hook): readonly NftChain[];
}

/** A fully written table as a view. */
export function viewOf(t: NftTable): TableView {
  let byHook: Map<Hook, NftChain[]> | undefined;
  return {
    fixed: t,
    chain: (name) => t.chains.get(name),
    set: (name) => t.sets.get(name),
    baseChains: (hook) => {
      byHook ??= baseChainsByHook(t);
      return byHook.get(hook) ?? [];
    },
  };
}

/** Affinity sets' live entries: set → source IP → expiry (virtual ms). Mutated by `update`. */
export type AffinityState = Map<string, Map<string, number>>;

const TABLE = "ip kube-proxy";

interface Walk {
  packet: Packet;
  ctx: HookContext;
  t: TableView;
  affinity: AffinityState;
  result: HookResult;
  /** What the rule under test read, when the context asked for the walk. */
  tests: MatchTest[] | undefined;
  /** The position numgen drew last. */
  target: number;
}

function setHas(w: Walk, set: string, ip: string): boolean {
  w.result.lookups++;
  const dyn = w.affinity.get(set);
  if (dyn) {
    const exp = dyn.get(ip);
    const hit = exp !== undefined && exp > w.ctx.nowMs;
    w.tests?.push({ k: "set", set, key: ip, hit, ...(hit ? { expiresInMs: exp - w.ctx.nowMs } : {}) });
    return hit;
  }
  const hit = w.t.set(set)?.elements.has(ip) ?? false;
  w.tests?.push({ k: "set", set, key: ip, hit });
  return hit;
}

function condHolds(w: Walk, c: Cond): boolean {
  const p = w.packet;
  switch (c.k) {
    case "ctNew":
      return w.ctx.ctState === "NEW";
    case "addr": {
      const ip = ipToNumber(c.field === "saddr" ? p.src : p.dst);
      if (c.cidrs.length > 1) w.result.lookups++;
      return (ip !== undefined && c.cidrs.some((x) => cidrContains(x, ip))) !== c.neg;
    }
    case "host":
      return ipToNumber(c.field === "saddr" ? p.src : p.dst) === c.ip;
    case "inSet":
      return setHas(w, c.set, c.field === "saddr" ? p.src : p.dst);
    case "fibSaddrLocal":
      return w.ctx.srcIsLocal;
    case "markZero":
      return (p.mark & c.mask) === 0;
    case "l4proto":
      return p.proto.toLowerCase() === c.proto;
  }
}

/** Applies a statement; returns true when it ends evaluation (NAT). */
function apply(w: Walk, s: Stmt): boolean {
  const p = w.packet;
  switch (s.k) {
    case "markOr":
      w.packet = { ...p, mark: (p.mark | s.value) >>> 0 };
      return false;
    case "markXor":
      w.packet = { ...p, mark: (p.mark ^ s.value) >>> 0 };
      return false;
    case "update": {
      w.result.lookups++;
      const set = w.t.set(s.set);
      let entries = w.affinity.get(s.set);
      if (!entries) {
        entries = new Map();
        w.affinity.set(s.set, entries);
      }
      const timeoutSeconds = set?.timeoutSeconds ?? 10800;
      entries.set(p.src, w.ctx.nowMs + timeoutSeconds * 1000);
      w.tests?.push({ k: "update", set: s.set, key: p.src, timeoutSeconds });
      return false;
    }
    case "dnat":
      w.packet = { ...p, dst: s.ip, dport: s.port };
      w.result.dnat = { ip: s.ip, port: s.port };
      return true;
    case "masquerade":
      w.result.snat = "MASQUERADE";
      return true;
  }
}

/** What a vmap or numgen lookup yields, or undefined for no element. */
function lookup(w: Walk, r: NftRule): Verdict | undefined {
  const a = r.action;
  if (!a) return undefined;
  if (a.k === "vmap") {
    w.result.lookups++;
    const proto = w.packet.proto.toLowerCase();
    const key =
      a.key === "addr.proto.port"
        ? `${w.packet.dst} . ${proto} . ${w.packet.dport}`
        : `${proto} . ${w.packet.dport}`;
    const verdict = w.t.set(a.map)?.elements.get(key)?.verdict;
    w.tests?.push({
      k: "vmap",
      map: a.map,
      key,
      ...(verdict ? { element: `${key} : ${actionText(verdict)}` } : {}),
    });
    return verdict;
  }
  if (a.k === "numgen") {
    w.result.lookups++;
    const i = Math.min(a.targets.length - 1, Math.floor(w.ctx.random() * a.targets.length));
    const chain = a.targets[i];
    w.target = i;
    w.tests?.push({
      k: "numgen",
      mod: a.targets.length,
      value: i,
      ...(chain !== undefined ? { element: `${i} : goto ${chain}` } : {}),
    });
    return chain === undefined ? undefined : { k: "goto", chain };
  }
  return a;
}

type Outcome = "continue" | "ACCEPT" | "DROP" | "REJECT";

function allHold(w: Walk, conds: readonly Cond[]): boolean {
  for (const c of conds) if (!condHolds(w, c)) return false;
  return true;
}

/** What a rule's NAT statement (which ends evaluation) reports as its action, if it has one. */
function natAction(stmts: readonly Stmt[]): string | undefined {
  for (const s of stmts) {
    if (s.k === "dnat") return `dnat to ${s.ip}:${s.port}`;
    if (s.k === "masquerade") return "masquerade";
  }
  return undefined;
}

/** A chain on the walk's stack: the next rule, and its recording when the walk is recorded. */
interface Frame {
  chain: NftChain;
  i: number;
  visit: VisitBuilder | undefined;
  /** The rule that jumped here (none for the base chain). */
  caller: RuleStep | undefined;
}

function frameOf(w: Walk, chain: NftChain, caller?: RuleStep): Frame {
  const rules = chain.rules;
  const visit = w.tests
    ? new VisitBuilder(TABLE, chain.name, rules.length, (i) => rules[i]!.text, w.ctx.folds)
    : undefined;
  return { chain, i: 0, visit, caller };
}

/** One base chain's walk: the chains it is in, and the visit of the base chain once it ends. */
interface BaseWalk {
  stack: Frame[];
  root: ChainVisit | undefined;
}

/** Ends a chain's recorded visit and hangs it under the rule that called it (or makes it the root). */
function close(b: BaseWalk, f: Frame, exit: ChainVisit["exit"]): void {
  const visit = f.visit?.finish(exit);
  if (!visit) return;
  if (f.caller) f.caller.call = visit;
  else b.root = visit;
}

/** A verdict ends every chain on the stack, innermost first. */
function end(b: BaseWalk, outcome: Outcome): { outcome: Outcome; visit?: ChainVisit } {
  for (let f = b.stack.pop(); f; f = b.stack.pop()) close(b, f, "verdict");
  return { outcome, visit: b.root };
}

/** Runs one base chain to its end or a terminal verdict. */
function runBase(w: Walk, base: NftChain): { outcome: Outcome; visit?: ChainVisit } {
  const b: BaseWalk = { stack: [frameOf(w, base)], root: undefined };
  const stack = b.stack;
  const tests = w.tests;
  for (let steps = 0; steps < 100000; steps++) {
    const frame = stack[stack.length - 1];
    if (!frame) return { outcome: "continue", visit: b.root };
    const index = frame.i++;
    const r = frame.chain.rules[index];
    if (!r) {
      close(b, frame, stack.length === 1 ? "policy" : "return");
      stack.pop();
      continue;
    }
    w.result.rulesEvaluated++;
    if (tests) tests.length = 0;
    if (!allHold(w, r.conds)) {
      frame.visit?.miss(index, tests?.length ? tests.slice() : undefined);
      continue;
    }
    let terminal = false;
    for (const s of r.stmts) terminal = apply(w, s) || terminal;
    const v = terminal ? undefined : lookup(w, r);
    if (!terminal && r.action && !v) {
      frame.visit?.miss(index, tests?.length ? tests.slice() : undefined);
      continue;
    }
    let step: RuleStep | undefined;
    // A counts-only packet lists no matched rule: no rule or action text is read.
    if (w.ctx.countsOnly !== true || frame.visit) {
      const ruleAction = r.action ? (r.actionText ?? actionText(r.action)) : "";
      const action = natAction(r.stmts) ?? (v ? (v === r.action ? ruleAction : actionText(v)) : r.text);
      if (w.ctx.countsOnly !== true)
        w.result.matched.push({ table: TABLE, chain: frame.chain.name, rule: r.text, action });
      step = frame.visit?.hit(index, action, tests?.length ? tests.slice() : undefined);
    }
    if (terminal) {
      if (step) step.decided = true;
      return end(b, "ACCEPT");
    }
    if (!v) continue;
    switch (v.k) {
      case "jump":
      case "goto": {
        const next =
          r.action?.k === "numgen" ? w.t.chain(v.chain, r.action, w.target) : w.t.chain(v.chain, v);
        if (!next) continue;
        if (v.k === "goto") {
          close(b, frame, "goto");
          stack.pop();
        }
        stack.push(frameOf(w, next, step));
        break;
      }
      case "return":
        close(b, frame, stack.length === 1 ? "policy" : "return");
        stack.pop();
        break;
      case "accept":
      case "drop":
      case "reject":
        if (step) step.decided = true;
        return end(b, v.k === "accept" ? "ACCEPT" : v.k === "drop" ? "DROP" : "REJECT");
    }
  }
  return { outcome: "continue", visit: b.root };
}

/**
 * A table's base chains by hook, lowest priority first (filter before nat at
 * equal priority). Base chains never change once a table is set up: a view
 * computes this once.
 */
export function baseChainsByHook(t: NftTable): Map<Hook, NftChain[]> {
  const byHook = new Map<Hook, NftChain[]>();
  for (const c of t.chains.values())
    if (c.base) byHook.set(c.base.hook, [...(byHook.get(c.base.hook) ?? []), c]);
  for (const list of byHook.values()) list.sort((a, b) => (a.base?.priority ?? 0) - (b.base?.priority ?? 0));
  return byHook;
}

/** Evaluates `packet` at `hook`. */
export function evaluateHook(
  t: TableView,
  affinity: AffinityState,
  hook: Hook,
  packet: Packet,
  ctx: HookContext,
): HookResult {
  const result: HookResult = {
    packet,
    verdict: "ACCEPT",
    matched: [],
    ...(ctx.recordWalk ? { walk: [] } : {}),
    rulesEvaluated: 0,
    lookups: 0,
  };
  const w: Walk = { packet, ctx, t, affinity, result, tests: ctx.recordWalk ? [] : undefined, target: 0 };
  for (const base of t.baseChains(hook)) {
    if (base.base?.type === "nat" && ctx.ctState !== "NEW") continue;
    const { outcome: out, visit } = runBase(w, base);
    if (visit && visit.tested > 0) {
      const verdict = out === "DROP" || out === "REJECT" ? out : "ACCEPT";
      result.walk?.push({ k: "netfilter", family: "nftables", hook, visit, verdict });
    }
    if (out === "DROP") result.verdict = "DROP";
    if (out === "REJECT") {
      result.verdict = "REJECT";
      result.rejectWith = "icmp port-unreachable";
    }
    if (out === "DROP" || out === "REJECT") break;
  }
  result.packet = w.packet;
  return result;
}
