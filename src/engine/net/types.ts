/**
 * Packets, hops and traces: the data every view of a journey reads.
 * The UI animates a Trace; it never invents hops.
 */
import type { ProxyMode } from "../api/configTypes";

export type Protocol = "TCP" | "UDP" | "SCTP";

/** An IPv4 packet as netfilter sees it (addresses dotted-quad strings). */
export interface Packet {
  proto: Protocol;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  /** skb->mark, as kube-proxy's masquerade bit sets it. */
  mark: number;
  /** Payload plus headers, for byte counters. */
  bytes: number;
  /** TCP flags of this segment (SYN for a first packet). */
  flags?: string[];
}

/** The netfilter hooks, in the order a forwarded or local packet meets them. */
export const HOOKS = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"] as const;
export type Hook = (typeof HOOKS)[number];

/** Where a hop happened. */
export interface HopPlace {
  node?: string;
  pod?: string;
  namespace?: string;
  /** eth0, cni0, kube-ipvs0, a veth, ... */
  interface?: string;
  /** An outside client, not part of the cluster. */
  external?: boolean;
}

/** A rewrite applied at a hop: the addresses before and after. */
export interface Rewrite {
  type: "DNAT" | "SNAT" | "MASQUERADE" | "un-DNAT" | "un-SNAT" | "IPVS-NAT";
  before: { ip: string; port: number };
  after: { ip: string; port: number };
  /** Which side of the packet changed. */
  field: "src" | "dst";
}

/** One step of a journey. */
export interface TraceHop {
  direction: "request" | "reply" | "dns";
  place: HopPlace;
  /** e.g. `nat PREROUTING → KUBE-SERVICES`, `IPVS lookup`, `conntrack`, `route`, `deliver`. */
  stage: string;
  /** The rule or entry that matched, in the real tool's own syntax. */
  rule?: string;
  /** Further rules, e.g. the whole walk down KUBE-SERVICES when asked for. */
  detail?: string[];
  rewrite?: Rewrite;
  /** The packet as it leaves this hop. */
  packet: Packet;
  cost: { rulesEvaluated: number; lookups: number };
  note?: string;
}

export type TraceVerdict = "delivered" | "rejected" | "dropped" | "timeout" | "nxdomain";

/** A packet's whole journey, request and reply. */
export interface Trace {
  mode: ProxyMode;
  source: HopPlace & { ip: string };
  /** What the user asked for: `web`, `10.96.0.12:80`, `192.168.1.10:30007`. */
  target: string;
  hops: TraceHop[];
  verdict: TraceVerdict;
  /** The pod that answered. */
  backend?: { namespace: string; pod: string; ip: string; port: number; node?: string };
  /** Totals over the request's first packet. */
  cost: { rulesEvaluated: number; lookups: number };
  /** A message as the client would see it (curl's error, say). */
  message?: string;
}
