/** Plain-data helpers: deep copies and key-sorted JSON (how kubectl serialises maps). */

/** A deep copy of plain data (objects, arrays, scalars). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = deepCopy(v);
    return out as T;
  }
  return value;
}

/** JSON with object keys sorted, as Go's encoding/json prints a map[string]interface{}. */
export function sortedJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJSON).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJSON(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Structural equality of plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  return sortedJSON(a) === sortedJSON(b);
}
