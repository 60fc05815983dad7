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
  const hex = (): string => prng.nextUint32().toString(16).padStart(8, "0");
  const a = hex();
  const b = hex();
  const c = hex();
  const d = hex();
  const variant = (8 + (prng.nextUint32() & 3)).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
