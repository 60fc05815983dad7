/**
 * The `pod-template-hash` label: `controller.ComputeHash` in
 * kubernetes/kubernetes pkg/controller/controller_utils.go.
 */
import { safeEncodeString } from "../util/names";
import { canonicalJson } from "./objects";

/** FNV-1a, 32 bit (Go's `hash/fnv` New32a), over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** FNV-1a 32 over the UTF-8 bytes of a string. */
export function fnv32aString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  const step = (b: number) => {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) step(c);
    else if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 63));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 63));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    }
  }
  return h >>> 0;
}

/**
 * `ComputeHash(template, collisionCount)`: FNV-1a 32 over the template, then
 * the collision count as 8 little-endian bytes (only the low 4 set) when
 * present, then `rand.SafeEncodeString(fmt.Sprint(hash))`.
 *
 * NOTE: upstream feeds the hasher go-spew's `%#v` dump of the Go struct
 * (hashutil.DeepHashObject); that printer cannot be reproduced byte for byte
 * outside Go, so we hash a canonical JSON of the template instead. The shape
 * matches (9–10 characters from the kube alphabet, stable for one template,
 * different when it changes), the exact value does not.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32aString(canonicalJson(template));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}
