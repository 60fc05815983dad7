/**
 * What the rest of the engine asks of the packet pipeline. `Network` in
 * network.ts implements it.
 */
import type { ConntrackEntry } from "./conntrack";
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

export interface Net {
  /** Sends one connection's first packet and its reply, and returns the journey. */
  send(request: SendRequest): Trace;
  /** The node's conntrack table, as `conntrack -L` lists it. */
  conntrackEntries(node: string): ConntrackEntry[];
  /** The client closed the connection: conntrack moves it to TIME_WAIT. */
  closeConnection(trace: Trace): void;
}
