/** Plain-data helpers: deep copies and key-sorted JSON (how kubectl serialises maps). */

/** A deep copy of plain data (objects, arrays, scalars). */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepCopy(value[i]);
    return out as T;
  }
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    const v = src[k];
    if (v !== undefined) out[k] = deepCopy(v);
  }
  return out as T;
}

/** JSON with object keys sorted, as Go's encoding/json prints a map[string]interface{}. */
export function sortedJSON(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  // A copy with keys inserted in sorted order prints sorted through the native
  // JSON.stringify (fast, and one flat string: the result is kept as the
  // last-applied-configuration annotation).
  const copy = sortedCopy(value);
  if (copy !== UNSUITABLE) return JSON.stringify(copy);
  // Values the copy cannot carry faithfully: printed piece by piece.
  const parts: string[] = [];
  writeSorted(value, parts);
  return parts.join("");
}

const UNSUITABLE: unique symbol = Symbol("unsuitable");

/** True for keys JavaScript orders before all others (array indices), whatever the insertion order. */
function isIndexKey(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(k);
}

/**
 * A deep copy whose objects hold their keys in sorted order (the default sort:
 * UTF-16 code units, as comparing with < does), or UNSUITABLE when
 * JSON.stringify would print it differently from writeSorted: index-like or
 * `__proto__` keys, functions, toJSON, undefined array elements.
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    return typeof value === "function" ? UNSUITABLE : value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === undefined) return UNSUITABLE;
      const c = sortedCopy(v);
      if (c === UNSUITABLE) return UNSUITABLE;
      out[i] = c;
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.toJSON === "function") return UNSUITABLE;
  const keys = Object.keys(obj).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (k === "__proto__" || isIndexKey(k)) return UNSUITABLE;
    const c = sortedCopy(v);
    if (c === UNSUITABLE) return UNSUITABLE;
    out[k] = c;
  }
  return out;
}

function writeSorted(value: unknown, parts: string[]): void {
  if (value === null || typeof value !== "object") {
    // What JSON cannot print (undefined) joins as nothing, as Array.join does.
    parts.push(JSON.stringify(value) ?? "");
    return;
  }
  if (Array.isArray(value)) {
    parts.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(",");
      writeSorted(value[i], parts);
    }
    parts.push("]");
    return;
  }
  const obj = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as comparing with < does.
  const keys = Object.keys(obj).sort();
  parts.push("{");
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) parts.push(",");
    first = false;
    parts.push(JSON.stringify(k), ":");
    if (v === null || typeof v !== "object") parts.push(String(JSON.stringify(v)));
    else writeSorted(v, parts);
  }
  parts.push("}");
}

/** Structural equality of plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  return sortedJSON(a) === sortedJSON(b);
}
