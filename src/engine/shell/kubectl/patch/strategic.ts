/**
 * Strategic merge patch, as apimachinery's `strategicpatch.StrategicMergePatch` applies it
 * (MergeParallelList, IgnoreUnmatchedNulls): maps merge key by key, `null` deletes, lists
 * whose field declares `patchStrategy: merge` merge element by element on their merge key
 * (scalars: union), other lists are replaced; the `$patch` (replace, delete), `$retainKeys`
 * and `$deleteFromPrimitiveList/…` directives.
 */
import type { PatchMeta } from "./patchMeta";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

/** A patch kubectl or the API server refuses, with the library's own words. */
export class PatchError extends Error {}

const DELETE_FROM = "$deleteFromPrimitiveList/";
const SET_ORDER = "$setElementOrder/";

export function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value as Go's `%v` prints an `interface{}` decoded from JSON (for error messages). */
export function goValue(v: Json): string {
  if (v === null) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue(v[k] as Json)}`)
      .join(" ")}]`;
  return String(v);
}

const noMergeKey = (m: JsonMap, key: string) =>
  new PatchError(`map: ${goValue(m)} does not contain declared merge key: ${key}`);

/** Removes `null` values at any depth (`discardNullValuesFromPatch`). */
function withoutNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}

/** Applies a strategic merge patch to a copy of `original`. Throws PatchError. */
export function strategicMerge(original: JsonMap, patch: JsonMap, meta: PatchMeta): JsonMap {
  return mergeMap(clone(original), clone(patch), meta);
}

function mergeMap(original: JsonMap, patch: JsonMap, meta: PatchMeta | undefined): JsonMap {
  const directive = patch.$patch;
  if (directive !== undefined) {
    if (directive === "replace") {
      delete patch.$patch;
      return patch;
    }
    if (directive === "delete") return {};
    throw new PatchError(`Unknown patch type: ${goValue(directive)} in map: ${goValue(patch)}`);
  }
  applyRetainKeys(original, patch);
  for (const key of Object.keys(patch)) if (key.startsWith(SET_ORDER)) delete patch[key];
  for (const [rawKey, value] of Object.entries(patch)) {
    const deleteList = rawKey.startsWith(DELETE_FROM);
    const key = deleteList ? rawKey.slice(DELETE_FROM.length) : rawKey;
    if (value === null) {
      delete original[key];
      continue;
    }
    const field = meta?.fields?.[key];
    const current = original[key];
    if (current === undefined) {
      if (!deleteList) original[key] = withoutNulls(value);
      continue;
    }
    if (kindOf(current) !== kindOf(value)) {
      if (!deleteList) original[key] = withoutNulls(value);
      continue;
    }
    if (isMap(current) && isMap(value)) original[key] = mergeMap(current, value, field);
    else if (Array.isArray(current) && Array.isArray(value))
      original[key] = field?.strategy?.includes("merge")
        ? mergeList(current, value, field, deleteList)
        : value;
    else original[key] = value;
  }
  return original;
}

function kindOf(v: Json): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

/** `$retainKeys`: the original keeps only the listed keys (the patch may only name those). */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  const retain = patch.$retainKeys;
  if (retain === undefined) return;
  delete patch.$retainKeys;
  if (!Array.isArray(retain)) throw new PatchError("invalid patch: the value of $retainKeys must be a list");
  const keep = new Set(retain.map(String));
  for (const k of Object.keys(patch))
    if (!k.startsWith("$") && !keep.has(k))
      throw new PatchError("the patch has keys that don't match the $retainKeys list");
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function sameKey(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mergeList(original: Json[], patch: Json[], meta: PatchMeta, deleteList: boolean): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const maps = [...original, ...patch].some(isMap);
  const key = meta.mergeKey ?? "";
  if (!maps) {
    if (deleteList) return original.filter((v) => !patch.some((p) => sameKey(p, v)));
    const merged: Json[] = [];
    for (const v of [...original, ...patch]) if (!merged.some((m) => sameKey(m, v))) merged.push(v);
    return order(merged, patch, original, (v) => v);
  }
  if (key === "") throw new PatchError("cannot merge lists without merge key");
  let base = original as JsonMap[];
  const plain: JsonMap[] = [];
  let replace = false;
  for (const item of patch as JsonMap[]) {
    const directive = item.$patch;
    if (directive === undefined) plain.push(item);
    else if (directive === "delete") {
      if (!(key in item)) throw noMergeKey(item, key);
      base = base.filter((o) => !sameKey(o[key], item[key]));
    } else if (directive === "replace") replace = true;
    else if (directive === "merge")
      throw new PatchError("merging lists cannot yet be specified in the patch");
    else throw new PatchError(`Unknown patch type: ${goValue(directive)} in map: ${goValue(item)}`);
  }
  if (replace) return plain;
  const merged = [...base];
  for (const item of plain) {
    if (!(key in item)) throw noMergeKey(item, key);
    const i = merged.findIndex((o) => isMap(o) && sameKey(o[key], item[key]));
    if (i >= 0) merged[i] = mergeMap(merged[i] as JsonMap, item, meta);
    else merged.push(item);
  }
  return order(merged, plain, base, (v) => (isMap(v) ? (v[key] ?? null) : v));
}

/**
 * `normalizeElementOrder`: the items the patch names, in the patch's order, woven into the
 * server-only items (in the original's order); an item the original did not have goes
 * before the server-only item it is compared with.
 */
function order(merged: Json[], patch: Json[], original: Json[], id: (v: Json) => Json): Json[] {
  const indexIn = (list: Json[], v: Json) => list.findIndex((x) => sameKey(id(x), id(v)));
  const inPatch = merged
    .filter((v) => indexIn(patch, v) >= 0)
    .sort((a, b) => indexIn(patch, a) - indexIn(patch, b));
  const serverOnly = merged
    .filter((v) => indexIn(patch, v) < 0)
    .sort((a, b) => indexIn(original, a) - indexIn(original, b));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < inPatch.length) {
    if (j >= inPatch.length) out.push(serverOnly[i++] as Json);
    else if (i >= serverOnly.length) out.push(inPatch[j++] as Json);
    else {
      const li = indexIn(original, serverOnly[i] as Json);
      const ri = indexIn(original, inPatch[j] as Json);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++] as Json);
      else out.push(inPatch[j++] as Json);
    }
  }
  return out;
}

/** A deep copy of a JSON value. */
export function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
