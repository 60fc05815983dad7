/**
 * What one sync writes to `iptables-restore`, kept in parts: the top-level
 * rules written before the per-service loop, one part per service port, and
 * the rules written after it. A service port's part is reused by the next
 * sync when its inputs did not change, so an unchanged cluster costs a
 * fingerprint per port rather than a rebuild of every rule.
 */
import type { Rule } from "./netfilter/types";

export type RestoreTable = "filter" | "nat";

export interface RestoreLine {
  table: RestoreTable;
  chain: string;
  /** Arguments after `-A CHAIN`, as kube-proxy writes them (comments keep their quotes). */
  args: string[];
  /** The service port (`ns/svc:port`) whose SVC/SVL/EXT/FW/SEP chain this is in. */
  owner?: string;
  /** The parsed rule, kept for top-level lines a later sync writes again (a template: never counted). */
  parsed?: Rule;
}

/** Chain declarations (`:CHAIN - [0:0]`) and `-A` lines, in write order. */
export interface RestoreBuffer {
  chains: Record<RestoreTable, string[]>;
  lines: RestoreLine[];
}

/** One service port's part: its dispatch rules in top-level chains and its own chains. */
export interface PortRules extends RestoreBuffer {
  /** `ns/svc:port protocol`: the port this part is for. */
  key: string;
  /** A fingerprint of everything the part was computed from. */
  input: string;
  /** How many of `lines` are in the port's own chains. */
  ownLines: number;
}

/** A whole sync's restore input. */
export interface SyncBuffer {
  /** A fingerprint of the settings every part depends on (options, node addresses, large-cluster mode). */
  env: string;
  head: RestoreBuffer;
  ports: PortRules[];
  tail: RestoreBuffer;
}

export function newRestoreBuffer(): RestoreBuffer {
  return { chains: { filter: [], nat: [] }, lines: [] };
}

/** An empty part for one service port. */
export function newPortRules(key: string, input: string): PortRules {
  return { chains: { filter: [], nat: [] }, lines: [], key, input, ownLines: 0 };
}

/** `:CHAIN - [0:0]` (declared once). */
export function declareChain(buf: RestoreBuffer, table: RestoreTable, chain: string): void {
  buf.chains[table].push(chain);
}

/** `-A CHAIN args…`; `owner` marks a line of the service port's own chains. */
export function writeRule(
  buf: RestoreBuffer,
  table: RestoreTable,
  chain: string,
  args: string[],
  owner?: string,
): void {
  buf.lines.push(owner === undefined ? { table, chain, args } : { table, chain, args, owner });
}

/** Every part, in write order. */
export function bufferParts(buf: SyncBuffer): RestoreBuffer[] {
  return [buf.head, ...buf.ports, buf.tail];
}

const portIndexes = new WeakMap<SyncBuffer, Map<string, PortRules>>();

/** The buffer's service port parts by key. */
export function portIndex(buf: SyncBuffer): Map<string, PortRules> {
  let index = portIndexes.get(buf);
  if (!index) {
    index = new Map();
    for (const p of buf.ports) index.set(p.key, p);
    portIndexes.set(buf, index);
  }
  return index;
}
