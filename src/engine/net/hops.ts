/** Building TraceHops from what the data plane reports at a hook. */
import type { HookResult } from "../proxy/types";
import { english, say } from "./messages";
import type { Hook, HopKind, HopPlace, Packet, PlainStage, Rewrite, TraceHop } from "./types";

type Direction = TraceHop["direction"];

const TERMINAL = /DNAT|SNAT|MASQUERADE|REJECT|DROP|ACCEPT|MARK/;

/**
 * A hook hop: the stage names the table and hook (and the first jump), `rule`
 * holds the most specific matched rule — the last one that acted (a DNAT,
 * a REJECT), else the last matched — and `detail` the rest, in order.
 */
export function hookHop(
  direction: Direction,
  place: HopPlace,
  hook: Hook,
  res: HookResult,
  rewrite: Rewrite | undefined,
  packet: Packet,
): TraceHop {
  const m = res.matched;
  let pick = -1;
  for (let i = m.length - 1; i >= 0; i--) {
    if (TERMINAL.test(m[i]?.action ?? "")) {
      pick = i;
      break;
    }
  }
  if (pick < 0) pick = m.length - 1;
  const first = m[0];
  const stage = first ? `${first.table} ${hook}${first.chain === hook ? ` → ${first.action}` : ""}` : hook;
  const hop: TraceHop = {
    direction,
    place,
    kind: "hook",
    stage,
    packet: copyPacket(packet),
    cost: { rulesEvaluated: res.rulesEvaluated, lookups: res.lookups },
  };
  if (pick >= 0) hop.rule = m[pick]?.rule;
  if (m.length > 1) {
    const rest: string[] = [];
    for (let i = 0; i < m.length; i++) if (i !== pick) rest.push(m[i]!.rule);
    hop.detail = rest;
  }
  if (rewrite) hop.rewrite = rewrite;
  if (res.verdict === "REJECT")
    hop.note = `REJECT${res.rejectWith ? ` --reject-with ${res.rejectWith}` : ""}`;
  else if (res.verdict === "DROP") hop.note = "DROP";
  else if (m.length === 0) {
    hop.says = say("hop.policyAccept");
    hop.note = english(hop.says);
  }
  if (res.walk) hop.walk = res.walk;
  return hop;
}

/** A rewrite record, or undefined when the field did not change. */
export function rewriteOf(
  type: Rewrite["type"],
  field: "src" | "dst",
  before: Packet,
  after: Packet,
): Rewrite | undefined {
  const b = field === "src" ? { ip: before.src, port: before.sport } : { ip: before.dst, port: before.dport };
  const a = field === "src" ? { ip: after.src, port: after.sport } : { ip: after.dst, port: after.dport };
  if (a.ip === b.ip && a.port === b.port) return undefined;
  return { type, field, before: b, after: a };
}

/** A snapshot of a packet for a hop (same fields, same order as the packet's own). */
export function copyPacket(p: Packet): Packet {
  const c: Packet = {
    proto: p.proto,
    src: p.src,
    sport: p.sport,
    dst: p.dst,
    dport: p.dport,
    mark: p.mark,
    bytes: p.bytes,
  };
  if ("flags" in p) c.flags = p.flags;
  return c;
}

type PlainExtra = Partial<Pick<TraceHop, "rule" | "detail" | "rewrite" | "says" | "before">> & {
  lookups?: number;
};

const NO_EXTRA: PlainExtra = {};

/** A hop with no rules: routing, the wire, delivery, conntrack. */
export function plainHop(
  direction: Direction,
  place: HopPlace,
  stage: PlainStage,
  packet: Packet,
  extra: PlainExtra = NO_EXTRA,
): TraceHop {
  return hopOf(direction, place, stage, stage, packet, extra);
}

/** A hop at a hook the data planes do not run (the CNI's masquerade, a second NAT at the same hook). */
export function natHop(
  direction: Direction,
  place: HopPlace,
  stage: string,
  packet: Packet,
  extra: PlainExtra = NO_EXTRA,
): TraceHop {
  return hopOf(direction, place, "hook", stage, packet, extra);
}

function hopOf(
  direction: Direction,
  place: HopPlace,
  kind: HopKind,
  stage: string,
  packet: Packet,
  extra: PlainExtra,
): TraceHop {
  const hop: TraceHop = {
    direction,
    place,
    kind,
    stage,
    packet: copyPacket(packet),
    cost: { rulesEvaluated: 0, lookups: extra.lookups ?? 0 },
  };
  // The optional fields in the order callers list them, as a spread of `extra` would add them.
  for (const k in extra) {
    if (k === "rule" || k === "detail" || k === "rewrite") {
      (hop as unknown as Record<string, unknown>)[k] = extra[k];
    } else if (k === "says" && extra.says) {
      hop.note = english(extra.says);
      hop.says = extra.says;
    } else if (k === "before" && extra.before) {
      hop.before = copyPacket(extra.before);
    }
  }
  return hop;
}
