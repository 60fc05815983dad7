/**
 * The plain-data model of what kube-proxy programs on one node in IPVS mode:
 * the kernel's virtual servers and real servers, the `kube-ipvs0` dummy
 * interface, the ipsets and the few iptables rules that remain.
 */

import type { IpvsScheduler } from "../../api/configTypes";
import { ipToNumber, isIPv4 } from "../../api/ipv4";
import type { Protocol } from "../../net/types";
import type { SetTable } from "./setTable";
import type { KernelVirtualServer } from "./virtualServer";
import type { WrittenIpset } from "./writtenIpset";

/** Per-service or per-destination counters, as `ipvsadm --stats` shows them. */
export interface IpvsStats {
  conns: number;
  inPkts: number;
  outPkts: number;
  inBytes: number;
  outBytes: number;
}

/** A real server (IPVS "destination"). Forwarding is always Masq (NAT) in kube-proxy. */
export interface RealServer {
  /** `ip:port`, unique within its virtual server. */
  key: string;
  ip: string;
  port: number;
  /** 1 from kube-proxy; 0 while a removed endpoint drains (graceful termination). */
  weight: number;
  /** The kernel's `last_weight`: the last non-zero weight (mh keeps table slots with it). */
  lastWeight: number;
  /** TCP connections in ESTABLISHED. */
  activeConns: number;
  /** Every other connection entry (SYN_RECV, FIN_WAIT, TIME_WAIT, all UDP). */
  inactConns: number;
  /** Persistence templates pointing at this server. */
  persistConns: number;
  /** {@link NO_STATS} until a packet counts (see {@link ownStats}). */
  stats: IpvsStats;
  /** The endpoint runs on this node (KUBE-LOOP-BACK, eTP/iTP Local). */
  local: boolean;
}

/** Which address of a Service a virtual server stands for. */
export type VirtualServerKind = "ClusterIP" | "NodePort" | "ExternalIP" | "LoadBalancer";

/** An IPVS virtual service: one per (address, protocol, port). */
export interface VirtualServer {
  /** `TCP/10.96.0.1:443`: see {@link vsKey}. */
  key: string;
  proto: Protocol;
  ip: string;
  port: number;
  scheduler: IpvsScheduler;
  /** Scheduler flags ipvsadm prints in parentheses (`mh-port` for kube-proxy's mh). */
  schedFlags: string[];
  /** ClientIP session affinity: the persistence timeout in seconds. */
  persistentTimeout?: number;
  /** In the kernel's list order (new destinations are inserted at the head). */
  dests: RealServer[];
  /** {@link NO_STATS} until a packet counts (see {@link ownStats}). */
  stats: IpvsStats;
  kind: VirtualServerKind;
  /** `namespace/name:port` as kube-proxy names it. */
  servicePortName: string;
}

/** A protocol as a small number, for keys made of numbers. */
export const PROTO_CODE: Readonly<Record<Protocol, number>> = { TCP: 0, UDP: 1, SCTP: 2 };

/** The key every table here uses for a virtual server. */
export function vsKey(proto: Protocol, ip: string, port: number): string {
  // Joined: one flat string (a Map key: hashing a concatenation copies it flat and keeps both).
  return [proto, "/", ip, ":", port].join("");
}

/**
 * A virtual server's protocol, address and port as one number (the
 * kernel's svc table hashes the same three fields); undefined for an
 * address that is not IPv4.
 */
export function serviceNumber(proto: Protocol, ip: string, port: number): number | undefined {
  const n = ipToNumber(ip);
  return n === undefined ? undefined : (n * 65536 + port) * 4 + PROTO_CODE[proto];
}

/** Parses `TCP/10.96.0.1:443`, `10.96.0.1:443` (TCP) or `UDP 10.96.0.10:53`. */
export function parseVsKey(text: string): { proto: Protocol; ip: string; port: number } | undefined {
  const m = /^(?:(TCP|UDP|SCTP)[/ ]+)?([\d.]+):(\d+)$/i.exec(text.trim());
  if (!m || !isIPv4(m[2])) return undefined;
  const proto = (m[1]?.toUpperCase() ?? "TCP") as Protocol;
  return { proto, ip: m[2]!, port: Number(m[3]) };
}

/** IPVS TCP states (ip_vs_proto_tcp.c), UDP's single state, and NONE for templates. */
export type IpvsConnState =
  | "NONE"
  | "ESTABLISHED"
  | "SYN_SENT"
  | "SYN_RECV"
  | "FIN_WAIT"
  | "TIME_WAIT"
  | "CLOSE"
  | "CLOSE_WAIT"
  | "LAST_ACK"
  | "UDP"
  | "SCTP";

/** One entry of the IPVS connection table (`ipvsadm -Lnc`). */
export interface IpvsConn {
  id: number;
  proto: Protocol;
  caddr: string;
  cport: number;
  vaddr: string;
  vport: number;
  daddr: string;
  dport: number;
  state: IpvsConnState;
  /** Virtual time (ms) at which the entry expires. */
  expiresAt: number;
  /** A persistence template (ClientIP affinity): cport 0, state NONE. */
  template: boolean;
  vsKey: string;
  destKey: string;
  /** The template that controls this connection, if any. */
  controlledBy?: number;
}

/** The ipset types kube-proxy uses. */
export type IpsetType = "hash:ip,port" | "hash:ip,port,ip" | "hash:ip,port,net" | "bitmap:port" | "hash:ip";

export interface IpsetSet {
  name: string;
  type: IpsetType;
  /** kube-proxy's comment for the set; it appears in the iptables rules that use it. */
  comment: string;
  /** Members in ipset's own syntax (`10.96.0.1,tcp:443`, `30007`). */
  members: string[];
  /** `members` as a Set, once built (so indexes and diffs need not rebuild it). */
  memberSet?: ReadonlySet<string>;
  /** `members` as integer keys (what a packet's `-m set` test reads), when kube-proxy's writer built them. */
  table?: SetTable;
}

/** One node's whole IPVS-mode state (what the commands render). */
export interface IpvsNodeState {
  node: string;
  /** Addresses bound to `kube-ipvs0`, in bind order. */
  ipvsAddresses: string[];
  /** The dummy interface's MAC address. */
  mac: string;
  /** The kernel's virtual servers (real servers made when first read: virtualServer.ts). */
  virtualServers: Map<string, KernelVirtualServer>;
  ipsets: Map<string, WrittenIpset>;
  /** The node's own addresses (NodePort virtual servers are made on each). */
  nodeIPs: string[];
  /** `1 << masqueradeBit` (0x4000). */
  masqueradeMark: number;
  /** The pod CIDR kube-proxy's local-traffic detector uses (`! -s <clusterCIDR>`); `""` for none. */
  clusterCIDR: string;
  /** `iptables.masqueradeAll`. */
  masqueradeAll: boolean;
}

/** Fresh zero counters. */
export function zeroStats(): IpvsStats {
  return { conns: 0, inPkts: 0, outPkts: 0, inBytes: 0, outBytes: 0 };
}

/**
 * The counters every virtual and real server shows until a packet reaches
 * it: one frozen object (a write to it throws), so a server costs no
 * counters of its own until it counts something.
 */
export const NO_STATS: IpvsStats = Object.freeze(zeroStats());

/** The server's own counters, to count into (made on the first count). */
export function ownStats(server: { stats: IpvsStats }): IpvsStats {
  if (server.stats === NO_STATS) server.stats = zeroStats();
  return server.stats;
}
