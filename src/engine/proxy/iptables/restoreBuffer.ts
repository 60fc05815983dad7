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

/**
 * One service port's part. Only what every sync needs is kept: the lines in
 * top-level chains (KUBE-SERVICES, KUBE-NODEPORTS, filter chains), the own
 * chains it declares and their sizes. The own chains' lines are written again
 * by `write` when something reads them (rendering, a chain's first walk).
 */
export interface PortRules {
  /** `ns/svc:port protocol`: the port this part is for. */
  key: string;
  /** A fingerprint of everything the part was computed from. */
  input: string;
  /** Own chains declared, per table. */
  chains: Record<RestoreTable, string[]>;
  /** Rules in each declared own chain (same order as `chains`). */
  counts: Record<RestoreTable, number[]>;
  /** Lines in top-level chains, in write order. */
  top: RestoreLine[];
  /** How many lines are in the port's own chains. */
  ownLines: number;
  /** Writes the part's lines (top-level and own, in order) into a buffer; the same every time. */
  write: (buf: RestoreBuffer) => void;
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

let cached: { part: PortRules; lines: RestoreLine[] } | undefined;

/** Runs `write` once and keeps what every sync needs of the part. */
export function newPortRules(key: string, input: string, write: (buf: RestoreBuffer) => void): PortRules {
  const buf = newRestoreBuffer();
  write(buf);
  const part: PortRules = {
    key,
    input,
    chains: buf.chains,
    counts: { filter: [], nat: [] },
    top: [],
    ownLines: 0,
    write,
  };
  for (const table of ["filter", "nat"] as const) {
    const index = new Map<string, number>();
    for (const c of buf.chains[table]) {
      index.set(c, part.counts[table].length);
      part.counts[table].push(0);
    }
    for (const l of buf.lines) {
      if (l.table !== table) continue;
      if (l.owner === undefined) {
        part.top.push(l);
        continue;
      }
      part.ownLines++;
      const i = index.get(l.chain);
      if (i !== undefined) part.counts[table][i]!++;
    }
  }
  cached = { part, lines: buf.lines };
  return part;
}

/** All of a part's lines in write order (written again; the last part asked for is cached). */
export function portLines(part: PortRules): RestoreLine[] {
  if (cached?.part !== part) {
    const buf = newRestoreBuffer();
    part.write(buf);
    cached = { part, lines: buf.lines };
  }
  return cached.lines;
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
