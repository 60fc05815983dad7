/**
 * One packet through one node's data plane, hook by hook, as the kernel
 * runs them for a pod's connection to a ClusterIP — the work counted, not
 * estimated.
 */
import type { ProxyMode } from "../api/configTypes";
import type { Hook, Packet } from "../net/types";
import type { CtState, HookContext, NodeDataPlane } from "../proxy/types";

/** The work one packet cost, summed over its hooks. */
export interface PacketCost {
  rulesEvaluated: number;
  lookups: number;
  /** The packet as it left the node (its destination DNATed to an endpoint on a first packet). */
  packet: Packet;
  verdict: "ACCEPT" | "DROP" | "REJECT";
}

/**
 * The hooks a pod's packet to a ClusterIP meets on its node.
 * With iptables and nftables the DNATed packet is routed on and
 * crosses FORWARD; with IPVS the ClusterIP is bound to kube-ipvs0, so it is
 * routed locally to INPUT, where IPVS rewrites it and sends it out through
 * LOCAL_OUT/POSTROUTING (the Network's walk does the same).
 */
export function hooksFor(mode: ProxyMode): readonly Hook[] {
  return mode === "ipvs" ? ["PREROUTING", "INPUT", "POSTROUTING"] : ["PREROUTING", "FORWARD", "POSTROUTING"];
}

export interface TraceSetting {
  mode: ProxyMode;
  node: string;
  /** The client pod's veth on the node. */
  inInterface: string;
  /** Is this address one of the node's (its InternalIP, or a ClusterIP on kube-ipvs0)? */
  isLocal: (ip: string) => boolean;
  /** The interface towards an address after routing (a local pod's veth, else eth0). */
  outInterface: (ip: string) => string;
  random: () => number;
  nowMs: number;
}

/** Runs `packet` through the node's hooks with conntrack state `ctState`. */
export function tracePacket(
  plane: NodeDataPlane,
  s: TraceSetting,
  packet: Packet,
  ctState: CtState,
): PacketCost {
  let p = packet;
  let rulesEvaluated = 0;
  let lookups = 0;
  for (const hook of hooksFor(s.mode)) {
    const ctx: HookContext = {
      node: s.node,
      ctState,
      inInterface: s.inInterface,
      dstIsLocal: s.isLocal(p.dst),
      srcIsLocal: s.isLocal(p.src),
      random: s.random,
      nowMs: s.nowMs,
      countsOnly: true,
    };
    if (hook === "FORWARD" || hook === "POSTROUTING") ctx.outInterface = s.outInterface(p.dst);
    const r = plane.hook(hook, p, ctx);
    rulesEvaluated += r.rulesEvaluated;
    lookups += r.lookups;
    p = r.packet;
    if (r.verdict !== "ACCEPT") return { rulesEvaluated, lookups, packet: p, verdict: r.verdict };
  }
  return { rulesEvaluated, lookups, packet: p, verdict: "ACCEPT" };
}
