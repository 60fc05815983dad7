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

/**
 * JSON with object keys sorted, as Go's encoding/json prints a
 * map[string]interface{} — HTML-safe, as its Encoder is by default:
 * `<`, `>`, `&`, U+2028 and U+2029 are written as `\u003c`-style escapes.
 * Written as parts joined once, never through a sorted copy and never as a
 * rope of `+=`: it runs for every applied object, and the result is kept
 * (the last-applied-configuration annotation) — a rope would keep every piece.
 */
export function sortedJSON(value: unknown): string {
  return joinedJSON(value, goQuote);
}

/** The same with JSON.stringify's escapes only: a canonical form to compare or hash plain data. */
export function canonicalJSON(value: unknown): string {
  return joinedJSON(value, jsonQuote);
}

type Quote = (s: string) => string;

function joinedJSON(value: unknown, quote: Quote): string {
  if (value === null || typeof value !== "object") return scalarJSON(value, quote);
  const parts: string[] = [];
  writeSorted(value, parts, quote);
  return parts.join("");
}

function writeSorted(value: unknown, parts: string[], quote: Quote): void {
  if (value === null || typeof value !== "object") {
    parts.push(scalarJSON(value, quote));
    return;
  }
  if (Array.isArray(value)) {
    parts.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(",");
      const v = value[i];
      // Like JSON.stringify: what JSON cannot hold prints as null inside an array.
      if (v === undefined || typeof v === "function") parts.push("null");
      else writeSorted(v, parts, quote);
    }
    parts.push("]");
    return;
  }
  const obj = value as Record<string, unknown>;
  let first = true;
  parts.push("{");
  for (const k of sortKeys(Object.keys(obj))) {
    const v = obj[k];
    if (v === undefined || typeof v === "function") continue;
    parts.push(first ? `${quote(k)}:` : `,${quote(k)}:`);
    first = false;
    writeSorted(v, parts, quote);
  }
  parts.push("}");
}

/** True for strings that need more than a pair of quotes (for either quoting). */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Controls, `"`, `&`, `<`, `>`, `\`, surrogates, U+2028 and U+2029.
    if (c < 0x20 || c === 0x22 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x5c) return true;
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
const GO_ONLY = /[<>&\u2028\u2029]/g;

function goQuote(s: string): string {
  if (!needsEscape(s)) return `"${s}"`;
  return JSON.stringify(s).replace(GO_ONLY, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function jsonQuote(s: string): string {
  return needsEscape(s) ? JSON.stringify(s) : `"${s}"`;
}

function scalarJSON(v: unknown, quote: Quote): string {
  return typeof v === "string" ? quote(v) : (JSON.stringify(v) ?? "null");
}

/** Sorts in place by UTF-16 code units (Go sorts map keys by bytes; the same for the ASCII keys of objects). */
function sortKeys(keys: string[]): string[] {
  // Insertion sort: objects have a handful of keys, and this beats Array#sort's setup.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** Structural equality of plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  return sortedJSON(a) === sortedJSON(b);
}
