/**
 * What a sync writes: the difference between the table kube-proxy had and
 * the one it wants, counted as the nft transaction's operations (elements
 * added or deleted, chains created or flushed plus their rules, sets
 * created or deleted).
 * NOTE: a real partial sync flushes and rewrites every chain of a changed
 * Service (not only the chains whose rules differ) and skips untouched
 * Services; the count here is the minimal diff, the same small constant
 * order for a one-Service change.
 */
import type { NftChain, NftTable } from "./model";

function sameRules(a: NftChain, b: NftChain): boolean {
  if (a.rules.length !== b.rules.length) return false;
  for (let i = 0; i < a.rules.length; i++) if (a.rules[i]?.text !== b.rules[i]?.text) return false;
  return true;
}

/** Every object of a table, as a full sync writes it. */
export function fullWrites(t: NftTable): number {
  let n = 1;
  for (const s of t.sets.values()) n += 1 + s.elements.size;
  for (const c of t.chains.values()) n += 1 + c.rules.length;
  return n;
}

/** Operations to turn `prev` into `next`. */
export function diffWrites(prev: NftTable, next: NftTable): number {
  let n = 0;
  for (const [name, s] of next.sets) {
    const old = prev.sets.get(name);
    if (!old) {
      n += 1 + s.elements.size;
      continue;
    }
    for (const [key, e] of s.elements) {
      const o = old.elements.get(key);
      if (!o) n++;
      else if (o.comment !== e.comment || JSON.stringify(o.verdict) !== JSON.stringify(e.verdict)) n += 2;
    }
    for (const key of old.elements.keys()) if (!s.elements.has(key)) n++;
  }
  for (const name of prev.sets.keys()) if (!next.sets.has(name)) n++;
  for (const [name, c] of next.chains) {
    const old = prev.chains.get(name);
    if (!old || !sameRules(old, c)) n += 1 + c.rules.length;
  }
  for (const name of prev.chains.keys()) if (!next.chains.has(name)) n++;
  return n;
}
