/**
 * What one sync writes to `iptables-restore`: chain declarations and `-A`
 * lines per table, each line tagged with the service port whose own chains it
 * belongs to (so a partial sync can tell which lines it may skip).
 */

export type RestoreTable = "filter" | "nat";

export interface RestoreLine {
  table: RestoreTable;
  chain: string;
  /** Arguments after `-A CHAIN`, as kube-proxy writes them (comments keep their quotes). */
  args: string[];
  /** The service port (`ns/svc:port`) whose SVC/SVL/EXT/FW/SEP chain this is in. */
  owner?: string;
}

export interface RestoreBuffer {
  chains: Record<RestoreTable, string[]>;
  /** Owner of each service-specific chain declaration. */
  chainOwners: Map<string, string>;
  lines: RestoreLine[];
}

export function newRestoreBuffer(): RestoreBuffer {
  return { chains: { filter: [], nat: [] }, chainOwners: new Map(), lines: [] };
}

/** `:CHAIN - [0:0]` (declared once). */
export function declareChain(buf: RestoreBuffer, table: RestoreTable, chain: string, owner?: string): void {
  buf.chains[table].push(chain);
  if (owner !== undefined) buf.chainOwners.set(chain, owner);
}

/** `-A CHAIN args…`. */
export function writeRule(
  buf: RestoreBuffer,
  table: RestoreTable,
  chain: string,
  args: string[],
  owner?: string,
): void {
  buf.lines.push(owner === undefined ? { table, chain, args } : { table, chain, args, owner });
}
