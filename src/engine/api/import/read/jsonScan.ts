/**
 * Offsets in JSON text, found without building values: where each element of a List's `items`
 * starts, and where a field of one object is written (for a refusal's line). The text has
 * already been read by JSON.parse, so it is well-formed.
 */

const QUOTE = 34;
const BACKSLASH = 92;

function skipWs(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** Past the string starting at `i` (its opening quote). */
function skipString(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return s.length;
    let k = q - 1;
    while (s.charCodeAt(k) === BACKSLASH) k--;
    // An even number of backslashes before the quote: it closes the string.
    if ((q - 1 - k) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Past the value starting at `i`. */
export function skipValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return skipString(s, i);
  if (c !== 123 && c !== 91) {
    let j = i;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      j++;
    }
    return j;
  }
  let depth = 0;
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === QUOTE) {
      j = skipString(s, j);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/** The key of the object member starting at `i` (its quote), decoded, and where its value starts. */
function member(s: string, i: number): { key: string; value: number; end: number } {
  const end = skipString(s, i);
  const key = JSON.parse(s.slice(i, end)) as string;
  const colon = skipWs(s, end);
  return { key, value: skipWs(s, colon + 1), end };
}

/** The start of each element of the array starting at `i`. */
function elements(s: string, i: number): number[] {
  const out: number[] = [];
  let j = skipWs(s, i + 1);
  if (s.charCodeAt(j) === 93) return out;
  for (;;) {
    out.push(j);
    j = skipWs(s, skipValue(s, j));
    if (s.charCodeAt(j) !== 44) return out;
    j = skipWs(s, j + 1);
  }
}

/** Offsets of the object's members' values by key, for the object starting at `i`. */
function members(s: string, i: number, want?: string): Map<string, { key: number; value: number }> {
  const out = new Map<string, { key: number; value: number }>();
  let j = skipWs(s, i + 1);
  if (s.charCodeAt(j) === 125) return out;
  for (;;) {
    const m = member(s, j);
    out.set(m.key, { key: j, value: m.value });
    if (want !== undefined && m.key === want) return out;
    j = skipWs(s, skipValue(s, m.value));
    if (s.charCodeAt(j) !== 44) return out;
    j = skipWs(s, j + 1);
  }
}

/** Where each element of the top-level object's `items` array starts (empty if there is none). */
export function itemOffsets(s: string): number[] {
  const root = skipWs(s, 0);
  if (s.charCodeAt(root) !== 123) return [];
  const items = members(s, root, "items").get("items");
  if (!items || s.charCodeAt(items.value) !== 91) return [];
  return elements(s, items.value);
}

/** Where a field is written in the object starting at `i`: its key (or its element), as far as the path exists. */
export function fieldOffset(s: string, i: number, path: readonly (string | number)[]): number {
  let at = i;
  let where = i;
  for (const seg of path) {
    const c = s.charCodeAt(at);
    if (c === 123 && typeof seg === "string") {
      const m = members(s, at, seg).get(seg);
      if (!m) break;
      where = m.key;
      at = m.value;
    } else if (c === 91 && typeof seg === "number") {
      const e = elements(s, at)[seg];
      if (e === undefined) break;
      where = e;
      at = e;
    } else break;
  }
  return where;
}
