/**
 * The packet path through an IPVS-mode node, hook by hook:
 * - PREROUTING/OUTPUT: nat KUBE-SERVICES (marks for masquerade) on NEW packets;
 * - OUTPUT (local clients, ip_vs_local_request4) and INPUT (remote clients,
 *   ip_vs_remote_request4, after filter INPUT's KUBE-IPVS-FILTER): the IPVS
 *   lookup, scheduling and the NAT to the real server;
 * - INPUT/FORWARD: replies from a real server get the virtual address back
 *   (ip_vs_reply4);
 * - POSTROUTING: KUBE-POSTROUTING masquerades marked and hairpin packets.
 *
 * A virtual server with no real server: ip_vs_schedule() finds nothing and
 * ip_vs_leave() sends ICMP port unreachable and drops the packet — for TCP
 * too ("the TCP RST packet cannot be sent", ip_vs_core.c). The client's
 * kernel turns that ICMP error into ECONNREFUSED, so curl prints
 * `Failed to connect to … Connection refused`.
 */
import type { IpvsWalk } from "../../net/hopWalk";
import type { Hook, Packet } from "../../net/types";
import { type EvalContext, evaluate, type Table } from "../iptables/netfilter";
import type { HookContext, HookResult, MatchedRule } from "../types";
import type { ConnectResult, IpvsDataPlane } from "./dataplane";
import { type IpvsConn, ownStats } from "./model";

function empty(packet: Packet, recordWalk: boolean): HookResult {
  return {
    packet,
    verdict: "ACCEPT",
    matched: [],
    ...(recordWalk ? { walk: [] } : {}),
    rulesEvaluated: 0,
    lookups: 0,
  };
}

/** The netfilter context of a hook in IPVS mode: ipset tests go to the node's sets. */
function evalContext(dp: IpvsDataPlane, ctx: HookContext): EvalContext {
  return {
    ctState: ctx.ctState,
    dstIsLocal: ctx.dstIsLocal,
    srcIsLocal: ctx.srcIsLocal,
    random: ctx.random,
    nowMs: ctx.nowMs,
    recent: dp.recent,
    recordWalk: ctx.recordWalk === true,
    countsOnly: ctx.countsOnly === true,
    folds: ctx.folds,
    ipset: dp.ipsetTest,
    ipsetKey: dp.ipsetKey,
    // One shape for every packet (an absent interface is undefined), so the evaluator's reads stay monomorphic.
    inInterface: ctx.inInterface,
    outInterface: ctx.outInterface,
  };
}

/** Runs one built-in chain of the shared netfilter model, as the kernel runs the table at that hook. */
function runTable(dp: IpvsDataPlane, table: Table, chain: Hook, res: HookResult, ctx: HookContext): void {
  const r = evaluate(table, chain, res.packet, evalContext(dp, ctx));
  res.packet = r.packet;
  res.matched.push(...r.matched);
  if (r.visit && r.visit.tested > 0)
    res.walk?.push({ k: "netfilter", family: "iptables", hook: chain, visit: r.visit, verdict: r.verdict });
  res.rulesEvaluated += r.rulesEvaluated;
  res.lookups += r.lookups;
  if (r.verdict !== "ACCEPT") {
    res.verdict = r.verdict;
    if (r.rejectWith) res.rejectWith = r.rejectWith;
  }
  if (r.snat) res.snat = r.snat;
}

/** The VS line as ipvsadm prints it, for traces. */
function vsLine(proto: string, ip: string, port: number, sched: string, persistent?: number): string {
  return `${proto.padEnd(4)} ${ip}:${port} ${sched}${persistent !== undefined ? ` persistent ${persistent}` : ""}`;
}

/** A connection entry as `ipvsadm -Lnc` lists its addresses: client, virtual, destination. */
function connText(c: IpvsConn): string {
  return `${c.proto} ${c.caddr}:${c.cport} ${c.vaddr}:${c.vport} ${c.daddr}:${c.dport}`;
}

function ipvsRequest(dp: IpvsDataPlane, res: HookResult, ctx: HookContext, chain: IpvsWalk["at"]): void {
  const p = res.packet;
  const r = dp.connect(p, ctx.nowMs, res.walk !== undefined);
  res.lookups += r.lookups;
  if (res.walk) res.walk.push(requestWalk(r, p, chain));
  if (!r.vs) return;
  const list = ctx.countsOnly !== true;
  const line = list ? vsLine(r.vs.proto, r.vs.ip, r.vs.port, r.vs.scheduler, r.vs.persistentTimeout) : "";
  const entry: MatchedRule = { table: "ipvs", chain, rule: line, action: "" };
  if (!r.dest || !r.conn) {
    if (list) res.matched.push({ ...entry, action: "no destination available: ICMP port unreachable" });
    res.verdict = "REJECT";
    res.rejectWith = "icmp-port-unreachable";
    return;
  }
  const how = r.templateReused ? " (persistence template)" : "";
  if (list) res.matched.push({ ...entry, action: `Masq -> ${r.dest.key}${how}` });
  const vsStats = ownStats(r.vs);
  vsStats.inPkts++;
  vsStats.inBytes += p.bytes;
  const destStats = ownStats(r.dest);
  destStats.inPkts++;
  destStats.inBytes += p.bytes;
  if (p.flags?.includes("FIN") || p.flags?.includes("RST")) dp.conns.close(r.conn, ctx.nowMs);
  res.dnat = { ip: r.dest.ip, port: r.dest.port };
  res.packet = { ...p, dst: r.dest.ip, dport: r.dest.port };
}

/** What IPVS did with a request, for a traced packet. */
function requestWalk(r: ConnectResult, p: Packet, at: IpvsWalk["at"]): IpvsWalk {
  const key = `${p.proto} ${p.dst}:${p.dport}`;
  if (!r.vs) return { k: "ipvs", at, service: { key }, outcome: "not-virtual" };
  const service = {
    key,
    line: vsLine(r.vs.proto, r.vs.ip, r.vs.port, r.vs.scheduler, r.vs.persistentTimeout),
  };
  const walk: IpvsWalk = { k: "ipvs", at, service, outcome: "scheduled" };
  if (r.dest) walk.dest = r.dest.key;
  if (r.existing && r.conn) {
    walk.connection = connText(r.conn);
    walk.outcome = "existing";
    return walk;
  }
  if (r.templateReused !== undefined && r.dest)
    walk.template = { reused: r.templateReused, dest: r.dest.key };
  if (r.templateReused) walk.outcome = "persistent";
  if (r.reason) walk.schedule = r.reason;
  if (!r.dest || !r.conn) walk.outcome = "no-destination";
  return walk;
}

function ipvsReply(dp: IpvsDataPlane, res: HookResult, ctx: HookContext, chain: IpvsWalk["at"]): boolean {
  const p = res.packet;
  res.lookups++;
  const c = dp.conns.lookupOut(p.proto, p.src, p.sport, p.dst, p.dport);
  if (!c) return false;
  dp.conns.touch(c, ctx.nowMs);
  const vs = dp.state.virtualServers.get(c.vsKey);
  const dest = dp.conns.destOf(c);
  for (const server of [vs, dest]) {
    if (!server) continue;
    const s = ownStats(server);
    s.outPkts++;
    s.outBytes += p.bytes;
  }
  if (ctx.countsOnly !== true)
    res.matched.push({
      table: "ipvs",
      chain,
      rule: connText(c),
      action: `reply: source ${p.src}:${p.sport} -> ${c.vaddr}:${c.vport}`,
    });
  res.walk?.push({
    k: "ipvs",
    at: chain,
    connection: connText(c),
    dest: `${c.daddr}:${c.dport}`,
    outcome: "reply",
  });
  res.packet = { ...p, src: c.vaddr, sport: c.vport };
  return true;
}

/** NodeDataPlane.hook for IPVS mode. */
export function ipvsHook(dp: IpvsDataPlane, hook: Hook, packet: Packet, ctx: HookContext): HookResult {
  const res = empty({ ...packet }, ctx.recordWalk === true);
  const nat = dp.iptables().tables.nat!;
  const filter = dp.iptables().tables.filter!;
  const isNew = ctx.ctState === "NEW";
  switch (hook) {
    case "PREROUTING":
      if (isNew) runTable(dp, nat, "PREROUTING", res, ctx);
      break;
    case "OUTPUT":
      if (isNew) runTable(dp, nat, "OUTPUT", res, ctx);
      if (res.verdict === "ACCEPT" && !ipvsReply(dp, res, ctx, "LOCAL_OUT"))
        ipvsRequest(dp, res, ctx, "LOCAL_OUT");
      if (res.verdict === "ACCEPT") runTable(dp, filter, "OUTPUT", res, ctx);
      break;
    case "INPUT":
      runTable(dp, filter, "INPUT", res, ctx);
      if (res.verdict === "ACCEPT" && !ipvsReply(dp, res, ctx, "LOCAL_IN"))
        ipvsRequest(dp, res, ctx, "LOCAL_IN");
      break;
    case "FORWARD":
      runTable(dp, filter, "FORWARD", res, ctx);
      if (res.verdict === "ACCEPT") ipvsReply(dp, res, ctx, "FORWARD");
      break;
    case "POSTROUTING":
      if (isNew) runTable(dp, nat, "POSTROUTING", res, ctx);
      break;
  }
  return res;
}
