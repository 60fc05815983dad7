import type { Prng } from "./prng";

/**
 * apimachinery `util/rand`'s alphabet: no vowels (no words by accident),
 * no 0, 1 or 3 (no look-alikes).
 */
export const KUBE_ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** `rand.String(n)`: what generateName appends. */
export function randomSuffix(prng: Prng, n = 5): string {
  let out = "";
  for (let i = 0; i < n; i++) out += KUBE_ALPHANUMS[prng.intn(KUBE_ALPHANUMS.length)];
  return out;
}

/** `rand.SafeEncodeString`: maps each character onto the alphabet above. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += KUBE_ALPHANUMS[s.charCodeAt(i) % KUBE_ALPHANUMS.length];
  return out;
}

/** Two hex digits for each byte value. */
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A 32-bit value as 8 hex digits (a table lookup per byte: toString(16) is slow above 2^31). */
export function hex8(u: number): string {
  return HEX2[u >>> 24]! + HEX2[(u >>> 16) & 255]! + HEX2[(u >>> 8) & 255]! + HEX2[u & 255]!;
}

/** A random RFC 4122 version-4 UID, drawn from the simulation's PRNG. */
export function randomUid(prng: Prng): string {
  const a = hex8(prng.nextUint32());
  const b = hex8(prng.nextUint32());
  const c = hex8(prng.nextUint32());
  const d = hex8(prng.nextUint32());
  const variant = (8 + (prng.nextUint32() & 3)).toString(16);
  // Joined, not concatenated: one flat string instead of a rope of ten (every object keeps its UID).
  const parts = [a, "-", b.slice(0, 4), "-4", b.slice(5, 8), "-", variant, c.slice(1, 4), "-", c.slice(4), d];
  return parts.join("");
}

/** `n` random hex digits (the top four bits of one draw each, as `intn(16)` gives them). */
export function randomHex(prng: Prng, n: number): string {
  // Joined once: a flat string rather than a rope of n one-character concatenations.
  const digits: string[] = new Array(n);
  for (let i = 0; i < n; i++) digits[i] = HEX2[prng.nextUint32() >>> 28]![1]!;
  return digits.join("");
}
