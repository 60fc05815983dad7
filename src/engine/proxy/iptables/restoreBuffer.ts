/**
 * What one sync writes to `iptables-restore`: chain declarations and `-A`
 * lines per table, each line tagged with the service port whose own chains
 * it belongs to (so a partial sync can tell which lines it may skip).
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

export function newRestoreBuffer(): RestoreBuffer {
  return { chains: { filter: [], nat: [] }, lines: [] };
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
