/**
 * Deterministic stand-ins for what a real cluster generates at random: uids, container ids, image
 * digests, generated name suffixes and certificate text, each a hash of a seed string so a dump
 * regenerates to the same bytes.
 */

/** 32-bit FNV-1a of a string. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `n` hex digits drawn from `seed`. */
export function hex(seed: string, n: number): string {
  let out = "";
  for (let i = 0; out.length < n; i++) out += fnv(`${seed}#${i}`).toString(16).padStart(8, "0");
  return out.slice(0, n);
}

/** A version-4 UUID as the API server writes `metadata.uid`. */
export function uid(seed: string): string {
  const h = hex(`uid:${seed}`, 32);
  const variant = "89ab"[Number.parseInt(h[16] as string, 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** The alphabet of generated name suffixes (apimachinery's rand.String: no vowels, no 0, 1, 3). */
const SUFFIX = "bcdfghjklmnpqrstvwxz2456789";

/** A generated name suffix of `n` characters (`generateName`'s five, a ReplicaSet hash's ten). */
export function suffix(seed: string, n = 5): string {
  let out = "";
  for (let i = 0; out.length < n; i++) out += SUFFIX[fnv(`${seed}@${i}`) % SUFFIX.length];
  return out;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A PEM block of `lines` 64-character base64 lines (certificate-shaped, not a certificate). */
export function pem(seed: string, lines = 17, label = "CERTIFICATE"): string {
  const body: string[] = [];
  for (let l = 0; l < lines; l++) {
    let line = "";
    for (let i = 0; i < 64; i++) line += BASE64[fnv(`${seed}:${l}:${i}`) % 64];
    body.push(l === 0 ? `MIID${line.slice(4)}` : line);
  }
  return `-----BEGIN ${label}-----\n${body.join("\n")}\n-----END ${label}-----\n`;
}

/** `2026-12-01T09:00:00Z` plus `seconds`, as the API server writes a time. */
export function at(base: string, seconds: number): string {
  return new Date(Date.parse(base) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
