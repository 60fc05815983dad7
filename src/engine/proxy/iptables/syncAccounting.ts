/**
 * Partial syncs (kube-proxy 1.27+, `MinimizeIPTablesRestore`): the top-level
 * chains and the filter table are rewritten every time, but a service port's
 * own chains only when that service or its endpoints changed; stale chains
 * are deleted with `-X`. A full sync runs first and then periodically.
 */
import { matchParts, type PortLines, type PortRules, type SyncBuffer } from "./portRules";
import type { RestoreTable } from "./restoreBuffer";

/** A fingerprint of a service port's own chains: their declarations and rules, as text. */
export function ownSignature(p: PortRules, lines: PortLines): string {
  if (p.signature === undefined) {
    const parts: string[] = [];
    for (const l of lines.of(p)) if (l.owner !== undefined) parts.push(l.chain, ...l.args);
    for (const table of ["filter", "nat"] as const) for (const c of p.chains[table]) parts.push(`:${c}`);
    p.signature = parts.join(" ");
  }
  return p.signature;
}

export interface SyncPlan {
  full: boolean;
  /** Service ports whose own chains are rewritten (all of them in a full sync). */
  changed: Set<PortRules>;
  /** Ports computed afresh whose own chains came out the same: their chains stay. */
  recomputed: Set<PortRules>;
  /** Chains the previous sync declared and this one does not: deleted. */
  stale: Record<RestoreTable, string[]>;
  /** `-A` lines plus `-X` deletions written. */
  writes: number;
}

/** Decides what a sync writes, comparing with the previous sync's buffer. */
export function planSync(
  prev: SyncBuffer | undefined,
  next: SyncBuffer,
  forceFull: boolean,
  lines: PortLines,
): SyncPlan {
  const full = forceFull || prev === undefined;
  const olds = matchParts(prev?.ports ?? [], next.ports);
  const changed = new Set<PortRules>();
  const recomputed = new Set<PortRules>();
  let writes = next.head.lines.length + next.tail.lines.length;
  next.ports.forEach((p, i) => {
    const old = olds[i];
    const rewrite =
      full || old === undefined || (old !== p && ownSignature(old, lines) !== ownSignature(p, lines));
    if (rewrite) changed.add(p);
    else if (old !== p) recomputed.add(p);
    writes += p.top.length + (rewrite ? p.ownLines : 0);
  });
  const stale: Record<RestoreTable, string[]> = { filter: [], nat: [] };
  if (prev) {
    const nowTop = new Set([...next.head.chains.filter, ...next.head.chains.nat]);
    for (const table of ["filter", "nat"] as const)
      for (const c of prev.head.chains[table]) if (!nowTop.has(c)) stale[table].push(c);
    const nows = matchParts(next.ports, prev.ports);
    prev.ports.forEach((p, i) => {
      const now = nows[i];
      if (now === p) return;
      const keep = new Set(now ? [...now.chains.filter, ...now.chains.nat] : []);
      for (const table of ["filter", "nat"] as const)
        for (const c of p.chains[table]) if (!keep.has(c)) stale[table].push(c);
    });
    writes += stale.filter.length + stale.nat.length;
  }
  return { full, changed, recomputed, stale, writes };
}
