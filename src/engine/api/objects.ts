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
  const keys = new Set<string>();
  if (collectKeys(value, keys)) {
    // Every key of every object, sorted, as JSON.stringify's property list: each
    // object prints its own keys in that order. The default sort orders by UTF-16
    // code units, as comparing with < does.
    return JSON.stringify(value, [...keys].sort());
  }
  // Functions or holes in arrays: printed piece by piece, as before.
  const parts: string[] = [];
  writeSorted(value, parts);
  return parts.join("");
}

/**
 * Gathers every object key under `value`; false when something would print
 * differently through a property list (undefined or functions in arrays,
 * function values, objects with toJSON, a `__proto__` key).
 */
function collectKeys(value: object, keys: Set<string>): boolean {
  if (Array.isArray(value)) {
    for (const v of value) {
      if (v === undefined || typeof v === "function") return false;
      if (v !== null && typeof v === "object" && !collectKeys(v, keys)) return false;
    }
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (typeof v === "function" || k === "__proto__") return false;
    keys.add(k);
    if (v !== null && typeof v === "object" && !collectKeys(v, keys)) return false;
  }
  return true;
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
