/**
 * A chain's rules as the packet path reads them, the way the kernel holds an
 * `ipt_entry`: every rule in one fixed shape of integers (addresses, masks,
 * protocol, port ranges, interface tests as codes), so testing a rule is a
 * few integer compares whatever the rule came from. Matches that need more
 * than the packet's header (statistic, recent, mark, addrtype, conntrack,
 * set, physdev) stay in `rest` and are tested after the header matched.
 * The parsed `Rule` stays beside it: counters, targets and the text a trace
 * shows are read from it, and only when needed.
 */

import type { EvalContext } from "./context";
import { matchOne, type PacketView } from "./matchers";
import type { Chain, IfaceMatch, Match, Rule } from "./types";

/** A header test: absent, or required to hold, or required to fail (`!`). */
const OFF = 0;
const ON = 1;
const INVERTED = 2;

/** One rule, compiled. */
export class CompiledRule {
  readonly srcTest: number;
  readonly srcAddr: number;
  readonly srcMask: number;
  readonly dstTest: number;
  readonly dstAddr: number;
  readonly dstMask: number;
  /** 0 = any protocol. */
  readonly proto: number;
  readonly protoInvert: boolean;
  readonly dportTest: number;
  readonly dportMin: number;
  readonly dportMax: number;
  readonly sportTest: number;
  readonly sportMin: number;
  readonly sportMax: number;
  readonly inIface: IfaceMatch | undefined;
  readonly outIface: IfaceMatch | undefined;
  /** Matches tested after the header: none for most rules. */
  readonly rest: readonly Match[];

  constructor(readonly rule: Rule) {
    const s = rule.src;
    this.srcTest = s === undefined ? OFF : s.invert ? INVERTED : ON;
    this.srcAddr = s?.addr ?? 0;
    this.srcMask = s?.mask ?? 0;
    const d = rule.dst;
    this.dstTest = d === undefined ? OFF : d.invert ? INVERTED : ON;
    this.dstAddr = d?.addr ?? 0;
    this.dstMask = d?.mask ?? 0;
    this.proto = rule.proto;
    this.protoInvert = rule.protoInvert;
    let dport = OFF;
    let dMin = 0;
    let dMax = 65535;
    let sport = OFF;
    let sMin = 0;
    let sMax = 65535;
    const rest: Match[] = [];
    for (const m of rule.matches) {
      if (m.name === "comment" || m.name === "nfacct") continue;
      if (m.name === "tcp" || m.name === "udp" || m.name === "sctp") {
        // One port match per rule, as kube-proxy writes them; a second is tested the slow way.
        if (m.dport && dport === OFF) {
          dport = m.dport.invert ? INVERTED : ON;
          dMin = m.dport.min;
          dMax = m.dport.max;
        } else if (m.dport) rest.push(m);
        if (m.sport && sport === OFF) {
          sport = m.sport.invert ? INVERTED : ON;
          sMin = m.sport.min;
          sMax = m.sport.max;
        } else if (m.sport) rest.push(m);
        continue;
      }
      rest.push(m);
    }
    this.dportTest = dport;
    this.dportMin = dMin;
    this.dportMax = dMax;
    this.sportTest = sport;
    this.sportMin = sMin;
    this.sportMax = sMax;
    this.inIface = rule.inIface;
    this.outIface = rule.outIface;
    this.rest = rest;
  }
}

/**
 * A chain's rules as the packet path reads them, with the rule list they came
 * from. Each rule's destination test is held as flat integer columns, read
 * straight from the parsed rules: a walk through KUBE-SERVICES rejects most
 * rules on their `-d` alone, reading two arrays and no object. A rule is
 * compiled in full (`compiledRule`) only when a packet gets past its column
 * test, so a 10,000-rule chain costs its columns, not 10,000 objects.
 */
export interface CompiledChain {
  from: readonly Rule[];
  length: number;
  /** Rule i compiled, once a packet needed more than its `-d` column. */
  rules: (CompiledRule | undefined)[];
  /**
   * Rule i's destination network and mask, as int32, where it has a plain
   * `-d` test; 0 and 0 otherwise (`! -d` or none), which every address
   * passes, so the rule is tested in full.
   */
  dstAddr: Int32Array;
  dstMask: Int32Array;
}

/** The chain's columns (again only when its rule list changed since the last time). */
export function compiledChain(chain: Chain): CompiledChain {
  const c = chain.compiled;
  const rules = chain.rules;
  if (c && c.from === rules && c.length === rules.length) return c;
  const n = rules.length;
  const next: CompiledChain = {
    from: rules,
    length: n,
    rules: new Array<CompiledRule | undefined>(n).fill(undefined),
    dstAddr: new Int32Array(n),
    dstMask: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const d = rules[i]!.dst;
    if (d === undefined || d.invert) continue;
    next.dstAddr[i] = d.addr | 0;
    next.dstMask[i] = d.mask | 0;
  }
  chain.compiled = next;
  return next;
}

/**
 * The first rule from `from` on that `dst` does not fail on its `-d` column
 * alone: every rule before it was tested (on its destination) and missed.
 */
export function missesFrom(c: CompiledChain, from: number, dst: number): number {
  const addr = c.dstAddr;
  const mask = c.dstMask;
  const n = c.length;
  let j = from;
  while (j < n && (dst & mask[j]!) !== addr[j]) j++;
  return j;
}

/** Rule `i` of the chain, compiled on first use and kept. */
export function compiledRule(c: CompiledChain, i: number): CompiledRule {
  let r = c.rules[i];
  if (r === undefined) {
    r = new CompiledRule(c.from[i]!);
    c.rules[i] = r;
  }
  return r;
}

function iface(m: IfaceMatch, name: string | undefined): boolean {
  const n = name ?? "";
  const hit = m.name.endsWith("+") ? n.startsWith(m.name.slice(0, -1)) : n === m.name;
  return hit !== m.invert;
}

/** Does the packet satisfy the rule? The header as integers first, then the rest. */
export function compiledMatches(r: CompiledRule, v: PacketView, ctx: EvalContext): boolean {
  if (r.dstTest !== OFF && ((v.dst & r.dstMask) >>> 0 === r.dstAddr) !== (r.dstTest === ON)) return false;
  if (r.srcTest !== OFF && ((v.src & r.srcMask) >>> 0 === r.srcAddr) !== (r.srcTest === ON)) return false;
  if (r.proto !== 0 && (r.proto === v.proto) === r.protoInvert) return false;
  if (r.dportTest !== OFF) {
    const p = v.packet.dport;
    if ((p >= r.dportMin && p <= r.dportMax) !== (r.dportTest === ON)) return false;
  }
  if (r.sportTest !== OFF) {
    const p = v.packet.sport;
    if ((p >= r.sportMin && p <= r.sportMax) !== (r.sportTest === ON)) return false;
  }
  if (r.inIface !== undefined && !iface(r.inIface, ctx.inInterface)) return false;
  if (r.outIface !== undefined && !iface(r.outIface, ctx.outInterface)) return false;
  const rest = r.rest;
  for (let i = 0; i < rest.length; i++) if (!matchOne(rest[i]!, v, ctx)) return false;
  return true;
}
