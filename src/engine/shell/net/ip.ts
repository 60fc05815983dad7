/**
 * `ip addr` and `ip route`, as iproute2 prints them, for a node (lo, eth0,
 * cni0, one veth per pod, and extra interfaces such as IPVS mode's
 * kube-ipvs0) or inside a pod (lo and eth0@ifN).
 *
 * NOTE: IPv6 link-local addresses, which real interfaces also carry, are
 * left out; node subnets are taken as /24.
 */

import { lastAddress, numberToIp } from "../../api/ipv4";
import type { AddressIndex, PodAddress } from "../../net/addresses";
import { nodeRouteTable, nodeSubnet, podRouteTable, vethName } from "../../net/routes";
import { fnv1a } from "../../util/fnv";
import type { Command, CommandEnv } from "../types";

/** Renders extra node interfaces (e.g. kube-ipvs0) starting at `ifindex`; "" for none. */
export type ExtraInterfaces = (env: CommandEnv, node: string, ifindex: number) => string;

function mac(seed: string): string {
  const h = fnv1a(seed);
  const g = fnv1a(`${seed}#`);
  const bytes = [
    0x02 | ((h >>> 24) & 0xfc),
    (h >>> 16) & 255,
    (h >>> 8) & 255,
    h & 255,
    (g >>> 8) & 255,
    g & 255,
  ];
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
}

const LO = [
  "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
  "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
  "    inet 127.0.0.1/8 scope host lo",
  "       valid_lft forever preferred_lft forever",
];

function inet(addr: string, prefix: string, brd: string, dev: string): string[] {
  return [
    `    inet ${addr}/${prefix} brd ${brd} scope global ${dev}`,
    "       valid_lft forever preferred_lft forever",
  ];
}

/** Pods on a node that hold a pod-network address, in a stable order (their veths). */
function podsWithVeth(index: AddressIndex, node: string): PodAddress[] {
  return (index.podsByNode.get(node) ?? []).filter((p) => !p.hostNetwork && p.ip);
}

/** `ip addr` on a node. Interface numbers: lo 1, eth0 2, cni0 3, extras, then veths. */
export function nodeIpAddr(env: CommandEnv, node: string, extra?: ExtraInterfaces): string {
  const index = env.cluster.addressIndex();
  const n = index.nodeByName.get(node);
  const lines = [...LO];
  if (n?.ip) {
    const sub = nodeSubnet(n.ip);
    lines.push(
      `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000`,
      `    link/ether ${mac(`${node}/eth0`)} brd ff:ff:ff:ff:ff:ff`,
      ...inet(n.ip, "24", numberToIp(lastAddress(sub)), "eth0"),
    );
  }
  if (n?.podCidr && n.bridgeIp) {
    lines.push(
      `3: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000`,
      `    link/ether ${mac(`${node}/cni0`)} brd ff:ff:ff:ff:ff:ff`,
      ...inet(n.bridgeIp, String(n.podCidr.prefix), numberToIp(lastAddress(n.podCidr)), "cni0"),
    );
  }
  let text = `${lines.join("\n")}\n`;
  let next = 4;
  const more = extra?.(env, node, next) ?? "";
  if (more) {
    text += more.endsWith("\n") ? more : `${more}\n`;
    next += (more.match(/^\d+: /gm) ?? []).length;
  }
  for (const pod of podsWithVeth(index, node)) {
    text += `${next}: ${vethName(pod)}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master cni0 state UP group default \n`;
    text += `    link/ether ${mac(`${node}/${vethName(pod)}`)} brd ff:ff:ff:ff:ff:ff link-netns cni-${netnsId(pod)}\n`;
    next++;
  }
  return text;
}

function netnsId(pod: PodAddress): string {
  const h = (s: string) => fnv1a(s).toString(16).padStart(8, "0");
  const a = h(pod.pod.metadata.uid);
  const b = h(`${pod.pod.metadata.uid}/1`);
  const c = h(`${pod.pod.metadata.uid}/2`);
  const d = h(`${pod.pod.metadata.uid}/3`);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** `ip addr` inside a pod: lo and eth0@ifN, N being the host veth's index. */
export function podIpAddr(env: CommandEnv, pod: PodAddress, extra?: ExtraInterfaces): string {
  const index = env.cluster.addressIndex();
  const node = pod.node ? index.nodeByName.get(pod.node) : undefined;
  if (!node?.podCidr || !pod.ip) return `${LO.join("\n")}\n`;
  const extras = extra ? (extra(env, node.name, 4).match(/^\d+: /gm) ?? []).length : 0;
  const peer =
    4 +
    extras +
    podsWithVeth(index, node.name).findIndex((p) => p.name === pod.name && p.namespace === pod.namespace);
  const lines = [
    ...LO,
    `2: eth0@if${peer}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default `,
    `    link/ether ${mac(`${pod.namespace}/${pod.name}/eth0`)} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
    ...inet(pod.ip, String(node.podCidr.prefix), numberToIp(lastAddress(node.podCidr)), "eth0"),
  ];
  return `${lines.join("\n")}\n`;
}

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
where  OBJECT := { address | route | link | neigh | rule }
`;

/** The `ip` command; `extra` adds node interfaces (the IPVS data plane passes kube-ipvs0). */
export function makeIpCommand(extra?: ExtraInterfaces): Command {
  return (args, env) => {
    const [object = "", sub = "show", ...rest] = args;
    const dev = rest[0] === "dev" ? rest[1] : rest[0];
    const c = env.context;
    const index = env.cluster.addressIndex();
    const pod = c.type === "pod" ? index.podByName.get(`${c.namespace}/${c.pod}`) : undefined;
    const node = c.type === "node" ? c.node : pod?.hostNetwork ? pod.node : undefined;
    if (!["show", "list", "ls", "s", "l"].includes(sub))
      return { stdout: "", stderr: `Command "${sub}" is unknown, try "ip ${object} help".\n`, exitCode: 1 };
    if ("address".startsWith(object) && object.length > 0) {
      const all = node
        ? nodeIpAddr(env, node, extra)
        : pod
          ? podIpAddr(env, pod, extra)
          : `${LO.join("\n")}\n`;
      if (dev === undefined) return { stdout: all, stderr: "", exitCode: 0 };
      const block = interfaceBlock(all, dev);
      return block
        ? { stdout: block, stderr: "", exitCode: 0 }
        : { stdout: "", stderr: `Device "${dev}" does not exist.\n`, exitCode: 1 };
    }
    if ("route".startsWith(object) && object.length > 0) {
      const rows = node ? nodeRouteTable(index, node) : pod ? podRouteTable(index, pod) : [];
      return { stdout: rows.map((r) => `${r} \n`).join(""), stderr: "", exitCode: 0 };
    }
    return {
      stdout: "",
      stderr: object ? `Object "${object}" is unknown, try "ip help".\n` : USAGE,
      exitCode: object ? 1 : 255,
    };
  };
}

/** One interface's lines from `ip addr` output (`eth0` also finds `eth0@if7`). */
function interfaceBlock(text: string, dev: string): string | undefined {
  const blocks = text.split(/(?=^\d+: )/m);
  return blocks.find((b) => new RegExp(`^\\d+: ${dev.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(@|:)`).test(b));
}

/** `ip` without extra interfaces. */
export const ip: Command = makeIpCommand();
