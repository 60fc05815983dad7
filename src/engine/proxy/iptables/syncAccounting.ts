/**
 * Partial syncs (kube-proxy 1.27+, `MinimizeIPTablesRestore`): the top-level
 * chains and the filter table are rewritten every time, but a service port's
 * own chains only when that service or its endpoints changed; stale chains
 * are deleted with `-X`. A full sync runs first and then periodically.
 */
import type { RestoreBuffer } from "./restoreBuffer";

/** Per service port, a fingerprint of its own chains' text. */
export function ownerSignatures(buf: RestoreBuffer): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const l of buf.lines) {
    if (l.owner === undefined) continue;
    let p = parts.get(l.owner);
    if (!p) {
      p = [];
      parts.set(l.owner, p);
    }
    p.push(l.chain, ...l.args);
  }
  for (const [chain, owner] of buf.chainOwners) {
    let p = parts.get(owner);
    if (!p) {
      p = [];
      parts.set(owner, p);
    }
    p.push(`:${chain}`);
  }
  const out = new Map<string, string>();
  for (const [owner, p] of parts) out.set(owner, p.join(" "));
  return out;
}

export interface SyncPlan {
  full: boolean;
  /** Service ports whose own chains are rewritten. */
  changed: Set<string>;
  /** `-A` lines plus `-X` deletions written. */
  writes: number;
  /** A chain this sync leaves out of the restore input. */
  skipped: (chain: string) => boolean;
}

/** Decides what a sync writes, comparing with the previous sync's buffer. */
export function planSync(prev: RestoreBuffer | undefined, next: RestoreBuffer, forceFull: boolean): SyncPlan {
  const full = forceFull || prev === undefined;
  const changed = new Set<string>();
  if (!full) {
    const before = ownerSignatures(prev);
    for (const [owner, sig] of ownerSignatures(next)) if (before.get(owner) !== sig) changed.add(owner);
  }
  const skipped = (chain: string): boolean => {
    if (full) return false;
    const owner = next.chainOwners.get(chain);
    return owner !== undefined && !changed.has(owner);
  };
  let writes = 0;
  for (const l of next.lines) if (full || l.owner === undefined || changed.has(l.owner)) writes++;
  if (prev) {
    const now = new Set([...next.chains.filter, ...next.chains.nat]);
    for (const c of [...prev.chains.filter, ...prev.chains.nat]) if (!now.has(c)) writes++;
  }
  return { full, changed, writes, skipped };
}
