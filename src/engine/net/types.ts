/**
 * Packets, hops and traces: the data every view of a journey reads.
 * The UI animates a Trace; it never invents hops.
 */
import type { ProxyMode } from "../api/configTypes";
import type { HopConntrack, TRACE_VERSION, WalkPart } from "./hopWalk";
import type { TraceMessage } from "./messages";

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

/** The stages that are not a netfilter hook: the packet moving, conntrack, DNS, a load balancer. */
export const PLAIN_STAGES = [
  "send",
  "route",
  "wire",
  "deliver",
  "socket",
  "conntrack",
  "drop",
  "reject",
  "load balancer",
  "dns query",
  "dns answer",
] as const;
export type PlainStage = (typeof PLAIN_STAGES)[number];

/** What a hop is: a plain stage (its name is a word to translate) or a hook (its stage is netfilter's notation). */
export type HopKind = PlainStage | "hook";

/** One step of a journey. */
export interface TraceHop {
  direction: "request" | "reply" | "dns";
  place: HopPlace;
  kind: HopKind;
  /** `nat PREROUTING → KUBE-SERVICES`, `filter INPUT → KUBE-IPVS-FILTER` for a hook; else the plain stage. */
  stage: string;
  /** The rule or entry that matched, in the real tool's own syntax. */
  rule?: string;
  /** Further rules, e.g. the whole walk down KUBE-SERVICES when asked for. */
  detail?: string[];
  rewrite?: Rewrite;
  /** The packet as it leaves this hop. */
  packet: Packet;
  /** The packet as it came in, when this hop changed it (a hook's change only for a traced packet). */
  before?: Packet;
  cost: { rulesEvaluated: number; lookups: number };
  /** The engine's note in English (or in netfilter's notation: `DROP`, `REJECT --reject-with …`). */
  note?: string;
  /** The note as a message key and values, for views in other languages. */
  says?: TraceMessage;
  /** What the hop walked: each table's chains rule by rule, and IPVS (a traced packet). */
  walk?: WalkPart[];
  /** The connection's conntrack entry on this node, where it was found or confirmed (a traced packet). */
  conntrack?: HopConntrack;
  /**
   * Where the packet was refused or dropped for want of an endpoint: why its Service port has
   * none, the EndpointSlice controller's answer (`whyNoEndpoints`) in a sentence.
   */
  noEndpoints?: TraceMessage;
}

export type TraceVerdict = "delivered" | "rejected" | "dropped" | "timeout" | "nxdomain";

/** A packet's whole journey, request and reply. */
export interface Trace {
  /** The format's version ({@link TRACE_VERSION}). */
  version: typeof TRACE_VERSION;
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
  /** A message as the client would see it (curl's error, say), or the engine's words in English. */
  message?: string;
  /** `message` as a message key, when it is the engine's words and not a tool's output. */
  says?: TraceMessage;
  /** Refused or dropped for want of an endpoint: why the Service port has none (as on its last hop). */
  noEndpoints?: TraceMessage;
}
