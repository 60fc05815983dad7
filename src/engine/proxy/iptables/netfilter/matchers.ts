/** Does a packet satisfy a rule's matches? Integer compares only; no allocation on the hot path. */

import { numberToIp } from "../../../api/ipv4";
import type { Packet } from "../../../net/types";
import type { EvalContext } from "./context";
import type { IfaceMatch, Match, PortRange, Rule } from "./types";

/** The packet's fields as netfilter compares them, kept up to date as targets rewrite it. */
export interface PacketView {
  packet: Packet;
  src: number;
  dst: number;
  proto: number;
  /** Set-membership lookups made while matching. */
  lookups: number;
}

export const PROTO_NUMBERS: Record<Packet["proto"], number> = { TCP: 6, UDP: 17, SCTP: 132 };

function iface(m: IfaceMatch, name: string | undefined): boolean {
  const n = name ?? "";
  const hit = m.name.endsWith("+") ? n.startsWith(m.name.slice(0, -1)) : n === m.name;
  return hit !== m.invert;
}

function inRange(r: PortRange | undefined, port: number): boolean {
  return r === undefined || (port >= r.min && port <= r.max) !== r.invert;
}

/** True when the generic part (addresses, interfaces, protocol) and every `-m` match pass. */
export function ruleMatches(rule: Rule, v: PacketView, ctx: EvalContext): boolean {
  const s = rule.src;
  if (s !== undefined && ((v.src & s.mask) >>> 0 === s.addr) === s.invert) return false;
  const d = rule.dst;
  if (d !== undefined && ((v.dst & d.mask) >>> 0 === d.addr) === d.invert) return false;
  if (rule.proto !== 0 && (rule.proto === v.proto) === rule.protoInvert) return false;
  if (rule.inIface !== undefined && !iface(rule.inIface, ctx.inInterface)) return false;
  if (rule.outIface !== undefined && !iface(rule.outIface, ctx.outInterface)) return false;
  const ms = rule.matches;
  for (let i = 0; i < ms.length; i++) if (!matchOne(ms[i]!, v, ctx)) return false;
  return true;
}

/** One `-m` match. */
export function matchOne(m: Match, v: PacketView, ctx: EvalContext): boolean {
  switch (m.name) {
    case "comment":
    case "nfacct":
      return true;
    case "tcp":
    case "udp":
    case "sctp":
      return inRange(m.dport, v.packet.dport) && inRange(m.sport, v.packet.sport);
    case "addrtype":
      // NOTE: only LOCAL is modelled; the kernel also knows UNICAST, BROADCAST, MULTICAST, ...
      if (m.srcType && (m.srcType.type === "LOCAL" && ctx.srcIsLocal) === m.srcType.invert) return false;
      if (m.dstType && (m.dstType.type === "LOCAL" && ctx.dstIsLocal) === m.dstType.invert) return false;
      return true;
    case "statistic": {
      // xt_statistic: (prandom_u32() & 0x7FFFFFFF) < threshold.
      const draw = Math.floor(ctx.random() * 0x80000000);
      const hit = draw < m.threshold !== m.invert;
      ctx.tests?.push({
        k: "statistic",
        probability: m.threshold / 0x80000000,
        draw: draw / 0x80000000,
        hit,
      });
      return hit;
    }
    case "recent":
      return matchRecent(m, v, ctx);
    case "mark":
      return ((v.packet.mark & m.mask) >>> 0 === m.value) !== m.invert;
    case "conntrack": {
      let hit = false;
      for (const st of m.states) {
        if (
          st === ctx.ctState ||
          (st === "DNAT" && ctx.ctDnat === true) ||
          (st === "SNAT" && ctx.ctSnat === true)
        ) {
          hit = true;
          break;
        }
      }
      return hit !== m.invert;
    }
    case "physdev":
      // NOTE: a packet is taken as bridged when it came in on cni0 or docker0 (the kernel asks br_netfilter).
      return (
        m.isIn === undefined ||
        (ctx.inInterface === "cni0" || ctx.inInterface === "docker0") !== m.isIn.invert
      );
    case "set": {
      v.lookups++;
      const hit = (ctx.ipset?.(m.setName, m.flags, v.packet) ?? false) !== m.invert;
      ctx.tests?.push({
        k: "ipset",
        set: m.setName,
        key: ctx.ipsetKey?.(m.setName, m.flags, v.packet) ?? "",
        hit,
      });
      return hit;
    }
  }
}

/**
 * xt_recent: `--set` records the address and matches; `--rcheck` matches if
 * the address was seen within `--seconds`; `--update` is rcheck + set;
 * `--remove` forgets it. `--reap` drops entries older than `--seconds`.
 * NOTE: the kernel keeps up to 20 timestamps per address (for `--hitcount`);
 * one last-seen time is kept here, which is all `--seconds` alone needs.
 */
function matchRecent(m: Extract<Match, { name: "recent" }>, v: PacketView, ctx: EvalContext): boolean {
  const addr = numberToIp(((m.side === "source" ? v.src : v.dst) & m.mask) >>> 0);
  let list = ctx.recent[m.listName];
  if (!list) {
    list = {};
    ctx.recent[m.listName] = list;
  }
  const last = list[addr];
  const hit = recentHit(m, list, addr, last, ctx.nowMs);
  ctx.tests?.push({
    k: "recent",
    list: m.listName,
    command: m.command,
    address: addr,
    seconds: m.seconds,
    ...(last !== undefined ? { ageMs: ctx.nowMs - last } : {}),
    hit,
  });
  return hit;
}

/** Applies a `recent` command to `list` and says whether it matched; `last` is the address's last-seen time. */
function recentHit(
  m: Extract<Match, { name: "recent" }>,
  list: Record<string, number>,
  addr: string,
  last: number | undefined,
  nowMs: number,
): boolean {
  if (m.command === "set") {
    list[addr] = nowMs;
    return !m.invert;
  }
  const fresh = last !== undefined && (m.seconds === 0 || nowMs - last <= m.seconds * 1000);
  if (m.reap && m.seconds > 0) {
    for (const a in list) if (nowMs - list[a]! > m.seconds * 1000) delete list[a];
  }
  if (m.command === "remove") {
    if (last !== undefined) delete list[addr];
    return (last !== undefined) !== m.invert;
  }
  if (m.command === "update" && fresh) list[addr] = nowMs;
  return fresh !== m.invert;
}
