/**
 * What the rest of the engine asks of the packet pipeline. `Network` in
 * network.ts implements it.
 */
import type { ConntrackEntry } from "./conntrack";
import type { FoldedRules } from "./foldStore";
import type { FoldRef } from "./hopWalk";
import type { Protocol, Trace } from "./types";

/** Where a journey starts. */
export type PacketSource =
  | { type: "pod"; namespace: string; name: string }
  | { type: "node"; node: string }
  /** A client outside the cluster; `ip` defaults to a fixed documentation address. */
  | { type: "external"; ip?: string };

export interface SendRequest {
  from: PacketSource;
  /** A Service name (`web`, `web.shop`, an FQDN), an IP, `IP:port` or `name:port`. */
  target: string;
  port?: number;
  proto?: Protocol;
  /** Payload bytes (for counters); default a small HTTP GET. */
  bytes?: number;
}

/** How much of a journey to record. */
export interface SendOptions {
  /**
   * Record each hop's walk, packet before and conntrack entry (default true:
   * a trace is for reading). A burst's packets are counted, not read: false.
   */
  walk?: boolean;
  /**
   * Only the verdict, source, backend, cost and hops' rewrites will be read
   * (a burst's tally past the traces it returns): the data planes list no
   * matched rule. The packet changes the same state as any other.
   */
  countsOnly?: boolean;
}

export interface Net {
  /** Sends one connection's first packet and its reply, and returns the journey. */
  send(request: SendRequest, options?: SendOptions): Trace;
  /** The text of a fold's rules (or part of them), while the walked list is still kept. */
  foldedRules(ref: FoldRef): FoldedRules | undefined;
  /** The node's conntrack table, as `conntrack -L` lists it. */
  conntrackEntries(node: string): ConntrackEntry[];
  /** The client closed the connection: conntrack moves it to TIME_WAIT. */
  closeConnection(trace: Trace): void;
}
