/**
 * JSON merge patch (RFC 7386) as evanphx/json-patch v4's `MergePatch` applies it: objects
 * merge key by key, `null` deletes, anything else replaces; nulls inside a new value are pruned.
 */
import { clone, isMap, type Json, PatchError } from "./strategic";

function pruneNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isMap(v)) return v;
  const out: { [key: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
  return out;
}

function mergeDocs(doc: { [key: string]: Json }, patch: { [key: string]: Json }): void {
  for (const [k, v] of Object.entries(patch)) {
    const cur = doc[k];
    if (v === null) delete doc[k];
    else if (cur === undefined || cur === null || !isMap(cur)) doc[k] = pruneNulls(v);
    else if (!isMap(v)) doc[k] = v;
    else mergeDocs(cur, v);
  }
}

/** Applies a merge patch to a copy of `doc`. Throws PatchError (`Invalid JSON Patch`). */
export function mergePatch(doc: Json, patch: Json): Json {
  if (patch === null) throw new PatchError("Invalid JSON Patch");
  if (!isMap(patch)) {
    if (!Array.isArray(patch)) throw new PatchError("Invalid JSON Patch");
    return pruneNulls(patch);
  }
  if (!isMap(doc)) return pruneNulls(patch);
  const out = clone(doc);
  mergeDocs(out, patch);
  return out;
}
