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

/** A random RFC 4122 version-4 UID, drawn from the simulation's PRNG. */
export function randomUid(prng: Prng): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => prng.intn(16).toString(16)).join("");
  const variant = (8 + prng.intn(4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
