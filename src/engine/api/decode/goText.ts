/** How Go writes values into error messages: `strconv.Quote` and encoding/json's float format. */

/** `strconv.Quote`: double quotes, Go escapes for control characters, printable text kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A number as kubectl sends it: encoding/json writes floats in the shortest form, with an
 * exponent below 1e-6 and from 1e21 (`1e+21`, `1e-7`), which is also how JavaScript prints them.
 */
export function jsonNumber(n: number): string {
  return String(n);
}

/** The name encoding/json gives a JSON value's kind in `cannot unmarshal X into ...`. */
export function jsonKind(v: unknown): "string" | "number" | "bool" | "array" | "object" | "null" {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  return Array.isArray(v) ? "array" : "object";
}

/** The JSON text kubectl would send for a value (what a custom UnmarshalJSON receives). */
export function jsonText(v: unknown): string {
  return typeof v === "number" ? jsonNumber(v) : (JSON.stringify(v) ?? "null");
}
