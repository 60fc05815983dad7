/**
 * One packet through one node's netfilter hooks, as the kernel runs them:
 * conntrack first (an existing connection skips the nat table and gets its
 * recorded NAT; a reply is un-NATed), then PREROUTING (from a wire or a
 * veth) or OUTPUT (from the node itself), the routing decision, INPUT or
 * FORWARD, and POSTROUTING, where a new connection is confirmed.
 */

import { cidrContains, ipToNumber, parseCidr } from "../api/ipv4";
import type { Cluster } from "../cluster";
import type { CtState, HookResult, NodeDataPlane } from "../proxy/types";
import { type AddressIndex, isLocalAddress } from "./addresses";
import { type ConntrackEntry, type ConntrackTable, formatConntrackEntry, tupleOf } from "./conntrack";
import { copyPacket, hookHop, natHop, plainHop, rewriteOf } from "./hops";
import { say, type TraceMessage } from "./messages";
import { type RouteDecision, routeOnNode } from "./routes";
import type { Hook, HopPlace, Packet, Rewrite, TraceHop } from "./types";
import type { FoldSink } from "./visitBuilder";

/** Where a packet enters a node: from a wire/veth (`in`) or from a local process (`local`). */
export interface Entry {
  node: string;
  from: "in" | "local";
  inInterface?: string;
}

export type NodeExit =
  | { kind: "forward"; packet: Packet; route: Exclude<RouteDecision, { kind: "local" }> }
  | { kind: "local"; packet: Packet }
  | { kind: "drop"; packet: Packet; node: string }
  | { kind: "reject"; packet: Packet; node: string; rejectWith?: string };

/** What a walk needs from the network. */
export interface WalkEnv {
  cluster: Cluster;
  index: AddressIndex;
  dataPlaneFor: (node: string) => NodeDataPlane;
  conntrack: (node: string) => ConntrackTable;
  random: () => number;
  /** Set for a traced packet: each hook's walk is recorded, its folds kept here. */
  folds?: FoldSink;
  /** Only counts and rewrites are read: hooks list no matched rule (`SendOptions.countsOnly`). */
  countsOnly?: boolean;
}

/** Records hops and sums the cost of one direction of one journey. */
export class Recorder {
  readonly cost = { rulesEvaluated: 0, lookups: 0 };
  constructor(
    readonly hops: TraceHop[],
    readonly direction: TraceHop["direction"],
  ) {}
  add(hop: TraceHop): void {
    hop.direction = this.direction;
    this.hops.push(hop);
    this.cost.rulesEvaluated += hop.cost.rulesEvaluated;
    this.cost.lookups += hop.cost.lookups;
  }
}

/** Runs `packet` through `entry.node`. Mutates nothing it was given. */
export function traverseNode(env: WalkEnv, rec: Recorder, entry: Entry, input: Packet): NodeExit {
  if (!env.folds) return crossNode(env, rec, entry, input);
  const first = rec.hops.length;
  const known = env.conntrack(entry.node).lookup(input, env.cluster.clock.now()) !== undefined;
  const exit = crossNode(env, rec, entry, input);
  showConntrack(env, rec, entry.node, input, first, !known);
  return exit;
}

/**
 * The connection's conntrack entry, on the hops of this node: where it was
 * found (the first hop that acted on it), or where it was confirmed (the
 * last). A packet the node only forwarded unNATed still has its entry.
 */
function showConntrack(
  env: WalkEnv,
  rec: Recorder,
  node: string,
  input: Packet,
  first: number,
  isNew: boolean,
): void {
  if (rec.hops.length === first) return;
  const now = env.cluster.clock.now();
  const found = env.conntrack(node).lookup(input, now);
  if (!found) return;
  const e = found.entry;
  const hops = rec.hops;
  let at = isNew ? hops.length - 1 : first;
  if (!isNew) {
    const ct = hops.findIndex((h, i) => i >= first && h.kind === "conntrack");
    if (ct >= 0) at = ct;
  }
  hops[at]!.conntrack = {
    event: isNew ? "new" : found.dir,
    line: formatConntrackEntry(e, now),
    ...(e.state ? { state: e.state } : {}),
    orig: { ...e.orig },
    reply: { ...e.reply },
  };
}

function crossNode(env: WalkEnv, rec: Recorder, entry: Entry, input: Packet): NodeExit {
  const { node } = entry;
  const now = env.cluster.clock.now();
  const ct = env.conntrack(node);
  const found = ct.lookup(input, now);
  const ctState: CtState = found ? "ESTABLISHED" : "NEW";
  const place: HopPlace = { node, interface: entry.inInterface };
  let p: Packet = copyPacket(input);
  if (found?.dir === "reply") ct.replied(found.entry, input.flags?.includes("RST") === true, now);

  if (found?.dir === "reply") {
    const { orig, reply } = found.entry;
    const next = { ...p, dst: orig.src, dport: orig.sport };
    const rw =
      reply.dst !== orig.src || reply.dport !== orig.sport ? rewriteOf("un-SNAT", "dst", p, next) : undefined;
    if (rw) {
      rec.add(
        plainHop(rec.direction, place, "conntrack", next, {
          rewrite: rw,
          rule: ctRule(found.entry),
          lookups: 1,
          before: p,
        }),
      );
      p = next;
    }
  } else if (found) {
    const { reply } = found.entry;
    const next = { ...p, dst: reply.src, dport: reply.sport };
    const rw = rewriteOf("DNAT", "dst", p, next);
    rec.add(
      plainHop(rec.direction, place, "conntrack", next, {
        rewrite: rw,
        rule: ctRule(found.entry),
        lookups: 1,
        says: say("hop.established"),
        before: p,
      }),
    );
    p = next;
  }

  const first = runHook(
    env,
    rec,
    entry.from === "in" ? "PREROUTING" : "OUTPUT",
    place,
    p,
    ctState,
    entry.inInterface,
  );
  if (first.exit) return first.exit;
  p = first.packet;

  let route = routeOnNode(env.index, node, p.dst);
  rec.add(plainHop(rec.direction, place, "route", p, { rule: route.route, says: routeNote(route) }));
  if (route.kind === "local") {
    const inp = runHook(env, rec, "INPUT", place, p, ctState, entry.inInterface);
    if (inp.exit) return inp.exit;
    const moved = inp.packet.dst !== p.dst || inp.packet.dport !== p.dport;
    p = inp.packet;
    if (!moved || isLocalAddress(env.index, node, p.dst))
      return finishLocal(env, rec, place, found, input, p, ctState);
    // NOTE: IPVS transmits a NATed packet from LOCAL_IN itself (ip_vs_nat_xmit) and it leaves
    // through POSTROUTING; we re-route and continue there.
    route = routeOnNode(env.index, node, p.dst);
    rec.add(
      plainHop(rec.direction, place, "route", p, {
        rule: route.route,
        says: say("hop.ipvsForward"),
      }),
    );
    if (route.kind === "local") return finishLocal(env, rec, place, found, input, p, ctState);
  } else if (entry.from === "in") {
    const fwd = runHook(env, rec, "FORWARD", place, p, ctState, entry.inInterface, route.dev);
    if (fwd.exit) return fwd.exit;
    p = fwd.packet;
  }

  const out = { ...place, interface: route.dev };
  const post = runHook(
    env,
    rec,
    "POSTROUTING",
    out,
    p,
    ctState,
    undefined,
    route.dev,
    outAddress(env, node, route),
  );
  if (post.exit) return post.exit;
  p = post.packet;
  p = cniMasquerade(env, rec, out, route, p, ctState);
  p = finishUnNat(rec, out, found, p);
  if (!found) ct.confirm(p.proto, tupleOf(input), reverse(p), now);
  return { kind: "forward", packet: p, route };
}

function finishLocal(
  env: WalkEnv,
  rec: Recorder,
  place: HopPlace,
  found: { entry: ConntrackEntry; dir: "original" | "reply" } | undefined,
  input: Packet,
  packet: Packet,
  _ctState: CtState,
): NodeExit {
  const p = finishUnNat(rec, place, found, packet);
  if (!found)
    env.conntrack(place.node ?? "").confirm(p.proto, tupleOf(input), reverse(p), env.cluster.clock.now());
  return { kind: "local", packet: p };
}

/** Reply direction: the source goes back to what the client first dialled (un-DNAT). Original: recorded SNAT. */
function finishUnNat(
  rec: Recorder,
  place: HopPlace,
  found: { entry: ConntrackEntry; dir: "original" | "reply" } | undefined,
  p: Packet,
): Packet {
  if (!found) return p;
  const { orig, reply } = found.entry;
  if (found.dir === "reply") {
    if (reply.src === orig.dst && reply.sport === orig.dport) return p;
    const next = { ...p, src: orig.dst, sport: orig.dport };
    rec.add(
      plainHop(rec.direction, place, "conntrack", next, {
        rewrite: rewriteOf("un-DNAT", "src", p, next),
        rule: ctRule(found.entry),
        before: p,
      }),
    );
    return next;
  }
  if (reply.dst === orig.src && reply.dport === orig.sport) return p;
  const next = { ...p, src: reply.dst, sport: reply.dport };
  rec.add(
    plainHop(rec.direction, place, "conntrack", next, {
      rewrite: rewriteOf("SNAT", "src", p, next),
      rule: ctRule(found.entry),
      before: p,
    }),
  );
  return next;
}

function reverse(p: Packet) {
  return { src: p.dst, sport: p.dport, dst: p.src, dport: p.sport };
}

function ctRule(e: ConntrackEntry): string {
  const t = (x: { src: string; dst: string; sport: number; dport: number }) =>
    `src=${x.src} dst=${x.dst} sport=${x.sport} dport=${x.dport}`;
  return `${e.proto.toLowerCase()} ${t(e.orig)} ${t(e.reply)}`;
}

function routeNote(r: RouteDecision): TraceMessage {
  switch (r.kind) {
    case "local":
      return say("hop.routeLocal");
    case "pod":
      return say(r.route.includes(" dev cni0 ") ? "hop.routePod" : "hop.routePodHost", { dev: r.dev });
    case "node":
      return say("hop.routeNode", { node: r.node.name });
    case "external":
      return say("hop.routeOut");
  }
}

/** The address MASQUERADE picks: the outgoing interface's (cni0 towards local pods, else eth0). */
function outAddress(env: WalkEnv, node: string, route: Exclude<RouteDecision, { kind: "local" }>): string {
  const n = env.index.nodeByName.get(node);
  return (route.kind === "pod" ? (n?.bridgeIp ?? n?.ip) : n?.ip) ?? "0.0.0.0";
}

/**
 * Pod traffic leaving the cluster is masqueraded by the CNI (kindnet's
 * ip-masq-agent, flannel's `--ip-masq`), not by kube-proxy.
 */
function cniMasquerade(
  env: WalkEnv,
  rec: Recorder,
  place: HopPlace,
  route: RouteDecision,
  p: Packet,
  ctState: CtState,
): Packet {
  if (route.kind !== "external" || ctState !== "NEW") return p;
  const podNet = parseCidr(env.cluster.config.podSubnet);
  const src = ipToNumber(p.src);
  const dst = ipToNumber(p.dst);
  if (!podNet || src === undefined || !cidrContains(podNet, src)) return p;
  if (dst !== undefined && cidrContains(podNet, dst)) return p;
  const next = { ...p, src: outAddress(env, place.node ?? "", route) };
  rec.add(
    natHop(rec.direction, place, "nat POSTROUTING (CNI)", next, {
      rule: `-A POSTROUTING -s ${env.cluster.config.podSubnet} ! -d ${env.cluster.config.podSubnet} -j MASQUERADE`,
      rewrite: rewriteOf("MASQUERADE", "src", p, next),
      says: say("hop.cniMasquerade"),
      before: p,
    }),
  );
  return next;
}

/** Did a hook change what the inspector shows of the packet (addresses, ports, mark)? */
function changed(a: Packet, b: Packet): boolean {
  return (
    a.src !== b.src || a.sport !== b.sport || a.dst !== b.dst || a.dport !== b.dport || a.mark !== b.mark
  );
}

interface HookOutcome {
  packet: Packet;
  exit?: NodeExit;
}

function runHook(
  env: WalkEnv,
  rec: Recorder,
  hook: Hook,
  place: HopPlace,
  p: Packet,
  ctState: CtState,
  inInterface?: string,
  outInterface?: string,
  masqAddress?: string,
): HookOutcome {
  const node = place.node ?? "";
  const res: HookResult = env.dataPlaneFor(node).hook(hook, p, {
    node,
    ctState,
    inInterface,
    outInterface,
    dstIsLocal: isLocalAddress(env.index, node, p.dst),
    srcIsLocal: isLocalAddress(env.index, node, p.src),
    random: env.random,
    nowMs: env.cluster.clock.now(),
    recordWalk: env.folds !== undefined,
    folds: env.folds,
    countsOnly: env.countsOnly === true,
  });
  let after: Packet = copyPacket(res.packet);
  let rewrite: Rewrite | undefined;
  if (after.dst !== p.dst || after.dport !== p.dport) {
    rewrite = rewriteOf(env.index.mode === "ipvs" && hook === "INPUT" ? "IPVS-NAT" : "DNAT", "dst", p, after);
  }
  if (res.snat === "MASQUERADE" && masqAddress) after = { ...after, src: masqAddress };
  else if (res.snat && res.snat !== "MASQUERADE")
    after = { ...after, src: res.snat.ip, sport: res.snat.port };
  const srcRewrite = rewriteOf(res.snat === "MASQUERADE" ? "MASQUERADE" : "SNAT", "src", p, after);
  const matters =
    res.matched.length > 0 || res.rulesEvaluated > 0 || res.lookups > 0 || res.verdict !== "ACCEPT";
  if (matters || rewrite || srcRewrite) {
    const hop = hookHop(rec.direction, place, hook, res, rewrite ?? srcRewrite, after);
    if (env.folds && changed(p, after)) hop.before = copyPacket(p);
    rec.add(hop);
    if (rewrite && srcRewrite)
      rec.add(natHop(rec.direction, place, `nat ${hook}`, after, { rewrite: srcRewrite }));
  }
  if (res.verdict === "DROP") return { packet: after, exit: { kind: "drop", packet: after, node } };
  if (res.verdict === "REJECT")
    return { packet: after, exit: { kind: "reject", packet: after, node, rejectWith: res.rejectWith } };
  return { packet: after };
}
