/** Go `%#v` renderings of the values validation errors carry (before 1.34). */

/** `[]string{"a", "b"}`. */
export function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(", ")}}`;
}

/** `map[string]string{"app":"web", "tier":"db"}` (Go prints maps with sorted keys); nil as `map[string]string(nil)`. */
export function goStringMap(map: Record<string, string> | undefined): string {
  if (!map) return "map[string]string(nil)";
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`).join(", ")}}`;
}

/** A string map as Go's encoding/json prints it: sorted keys, no spaces. */
export function jsonStringMap(map: Record<string, string> | undefined): Record<string, string> | null {
  if (!map) return null;
  const out: Record<string, string> = {};
  for (const k of Object.keys(map).sort()) out[k] = map[k]!;
  return out;
}
