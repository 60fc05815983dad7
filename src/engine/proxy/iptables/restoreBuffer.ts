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
  /**
   * A counting buffer keeps only how many own-chain rules went to which chain,
   * in write order (`lines` then holds the top-level rules): a sync needs just
   * their number, and the rules are written again when something reads them.
   */
  owned?: Record<RestoreTable, OwnCounts>;
}

/** Runs of own-chain rules: `counts[i]` rules went to `chains[i]` (a chain may be written before it is declared). */
export interface OwnCounts {
  chains: string[];
  counts: number[];
}

export function newRestoreBuffer(): RestoreBuffer {
  return { chains: { filter: [], nat: [] }, lines: [] };
}

/** A buffer that counts own-chain rules rather than keeping them (see `owned`). */
export function newCountingBuffer(): RestoreBuffer {
  return {
    chains: { filter: [], nat: [] },
    lines: [],
    owned: { filter: { chains: [], counts: [] }, nat: { chains: [], counts: [] } },
  };
}

/** Empties a buffer for reuse (a counting buffer is scratch: what a part keeps is copied out). */
export function clearBuffer(buf: RestoreBuffer): void {
  buf.chains.filter.length = 0;
  buf.chains.nat.length = 0;
  buf.lines.length = 0;
  const owned = buf.owned;
  if (!owned) return;
  owned.filter.chains.length = 0;
  owned.filter.counts.length = 0;
  owned.nat.chains.length = 0;
  owned.nat.counts.length = 0;
}

/** True when own-chain rules are only counted: their arguments need not be built. */
export function counting(buf: RestoreBuffer): boolean {
  return buf.owned !== undefined;
}

/** Counts `n` own-chain rules of a counting buffer. */
export function countRules(buf: RestoreBuffer, table: RestoreTable, chain: string, n: number): void {
  const owned = buf.owned![table];
  const last = owned.chains.length - 1;
  if (last >= 0 && owned.chains[last] === chain) owned.counts[last]! += n;
  else {
    owned.chains.push(chain);
    owned.counts.push(n);
  }
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
  if (owner === undefined) buf.lines.push({ table, chain, args });
  else if (buf.owned) countRules(buf, table, chain, 1);
  else buf.lines.push({ table, chain, args, owner });
}
