/**
 * A packet's trip from where it starts to where it arrives: out of a pod's
 * network namespace over its veth, through each node it crosses, over the
 * wire between nodes, and into a pod, a node's own socket, or out of the
 * cluster.
 */
import { type AddressIndex, EXTERNAL_CLIENT_IP, type PodAddress } from "./addresses";
import { plainHop } from "./hops";
import { say, type TraceMessage } from "./messages";
import { announcingNode } from "./metallb";
import { podRouteTable, vethName } from "./routes";
import type { HopPlace, Packet } from "./types";
import { type Entry, type Recorder, traverseNode, type WalkEnv } from "./walk";

/** Where a packet starts. */
export type Origin =
  | { kind: "pod"; pod: PodAddress }
  | { kind: "node"; node: string }
  | { kind: "external"; ip: string };

export type Arrival =
  | { kind: "pod"; pod: PodAddress; packet: Packet }
  | { kind: "node"; node: string; packet: Packet }
  | { kind: "external"; packet: Packet }
  | { kind: "drop"; packet: Packet; node?: string; reason?: TraceMessage }
  | { kind: "reject"; packet: Packet; node: string; rejectWith?: string };

/** The hop place of a pod's eth0. */
export function podPlace(pod: PodAddress): HopPlace {
  return { node: pod.node, pod: pod.name, namespace: pod.namespace, interface: "eth0" };
}

/** Carries `packet` from `origin` until it arrives somewhere or is dropped. */
export function travel(env: WalkEnv, rec: Recorder, origin: Origin, packet: Packet): Arrival {
  const first = enter(env, rec, origin, packet);
  if ("kind" in first) return first;
  let entry: Entry = first;
  let p = packet;
  for (let steps = 0; steps < 16; steps++) {
    const exit = traverseNode(env, rec, entry, p);
    if (exit.kind === "drop") return { kind: "drop", packet: exit.packet, node: exit.node };
    if (exit.kind === "reject") return exit;
    if (exit.kind === "local") return { kind: "node", node: entry.node, packet: exit.packet };
    p = exit.packet;
    const route = exit.route;
    if (route.kind === "pod") {
      if (!route.pod) {
        const reason = say("hop.noPodHolds", { ip: p.dst, node: entry.node });
        rec.add(
          plainHop(rec.direction, { node: entry.node, interface: "cni0" }, "drop", p, { says: reason }),
        );
        return { kind: "drop", packet: p, node: entry.node, reason };
      }
      rec.add(
        plainHop(rec.direction, podPlace(route.pod), "deliver", p, {
          says: say("hop.intoPod", { dev: route.dev }),
        }),
      );
      return { kind: "pod", pod: route.pod, packet: p };
    }
    const from = env.index.nodeByName.get(entry.node);
    if (route.kind === "external") {
      rec.add(
        plainHop(rec.direction, { node: entry.node, interface: "eth0" }, "wire", p, {
          says: say("hop.wireOut", { from: from?.ip ?? entry.node, ip: p.dst }),
        }),
      );
      return { kind: "external", packet: p };
    }
    rec.add(
      plainHop(rec.direction, { node: entry.node, interface: "eth0" }, "wire", p, {
        says: say("hop.wireNodes", {
          from: entry.node,
          fromIp: String(from?.ip),
          to: route.node.name,
          toIp: String(route.node.ip),
        }),
      }),
    );
    entry = { node: route.node.name, from: "in", inInterface: "eth0" };
  }
  return { kind: "drop", packet: p, reason: say("trace.routingLoop") };
}

function enter(env: WalkEnv, rec: Recorder, origin: Origin, p: Packet): Entry | Arrival {
  const { index } = env;
  if (origin.kind === "node") return { node: origin.node, from: "local" };
  if (origin.kind === "pod") {
    const pod = origin.pod;
    if (!pod.node) return { kind: "drop", packet: p, reason: say("trace.notScheduled") };
    if (pod.hostNetwork) return { node: pod.node, from: "local" };
    if (p.dst === pod.ip || p.dst.startsWith("127.")) {
      rec.add(
        plainHop(rec.direction, { ...podPlace(pod), interface: "lo" }, "deliver", p, {
          says: say("hop.toItself"),
        }),
      );
      return { kind: "pod", pod, packet: p };
    }
    rec.add(
      plainHop(rec.direction, podPlace(pod), "send", p, {
        rule: podRouteTable(index, pod)[0],
        says: say("hop.leavesPod", { veth: vethName(pod), node: pod.node }),
      }),
    );
    return { node: pod.node, from: "in", inInterface: vethName(pod) };
  }
  return enterFromOutside(env, rec, origin.ip, p);
}

function enterFromOutside(env: WalkEnv, rec: Recorder, ip: string, p: Packet): Entry | Arrival {
  const { index } = env;
  const place: HopPlace = { external: true };
  const node = index.nodeByIp.get(p.dst);
  if (node) {
    rec.add(
      plainHop(rec.direction, place, "wire", p, { says: say("hop.wireIn", { client: ip, node: node.name }) }),
    );
    return { node: node.name, from: "in", inInterface: "eth0" };
  }
  const svc = index.externalIps.get(p.dst);
  if (svc) {
    const lbNode = announcingNode(env.cluster, index, svc, p.dst);
    if (!lbNode) {
      const reason = say("hop.noAnnouncer", { ip: p.dst });
      rec.add(plainHop(rec.direction, place, "drop", p, { says: reason }));
      return { kind: "drop", packet: p, reason };
    }
    rec.add(
      plainHop(rec.direction, place, "load balancer", p, {
        rule: `${p.dst} is-at ${lbNode.name}`,
        says: say("hop.metallb", { node: lbNode.name, ip: p.dst }),
      }),
    );
    return { node: lbNode.name, from: "in", inInterface: "eth0" };
  }
  const reason = clusterOnly(index, p.dst)
    ? say("hop.clusterOnly", { ip: p.dst })
    : say("hop.noRoute", { client: ip, ip: p.dst });
  rec.add(plainHop(rec.direction, place, "drop", p, { says: reason }));
  return { kind: "drop", packet: p, reason };
}

function clusterOnly(index: AddressIndex, ip: string): boolean {
  return index.clusterIps.has(ip) || index.podByIp.has(ip);
}

/** The fixed outside client's address, unless the request names one. */
export function externalIp(ip?: string): string {
  return ip ?? EXTERNAL_CLIENT_IP;
}
