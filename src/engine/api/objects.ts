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
  if (Array.isArray(value)) {
    let s = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ",";
      // An element JSON cannot print (undefined) joins as nothing, as Array.join does.
      s += sortedJSON(value[i]) ?? "";
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as comparing with < does.
  const keys = Object.keys(obj).sort();
  let s = "{";
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) s += ",";
    first = false;
    s += `${JSON.stringify(k)}:${sortedJSON(v)}`;
  }
  return `${s}}`;
}

/** Structural equality of plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  return sortedJSON(a) === sortedJSON(b);
}
