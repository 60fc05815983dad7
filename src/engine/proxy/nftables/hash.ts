/**
 * The hashing kube-proxy's nftables mode uses to name its chains and sets:
 * SHA-256 of the readable name, base32 (RFC 4648 standard alphabet), first
 * 8 characters (`pkg/proxy/nftables/proxier.go`, `hashAndTruncate`).
 * Pure TypeScript: the engine has no Node `crypto`.
 */

import { Sha256, sha256 } from "../../util/sha256";

export { sha256 };

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** The first `chars` characters of the RFC 4648 base32 encoding (standard alphabet) of `bytes`. */
export function base32Prefix(bytes: Uint8Array, chars: number): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
      if (out.length === chars) return out;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out.slice(0, chars);
}

/** knftables.NameLengthMax (256) minus kube-proxy's longest chain-name prefix allowance (16). */
const CHAIN_NAME_BASE_LENGTH_MAX = 256 - 16;

/**
 * kube-proxy's nftables names (`hashAndTruncate`), with its own SHA-256
 * hasher: one per table build or live table, which hashes ~100,000 names.
 */
export class NftNames {
  private readonly sha = new Sha256();
  /** Scratch for joining a name's pieces into one flat string. */
  private readonly pieces: string[] = ["", "", "-", "", "", ""];

  /** `base32Prefix(sha256(name + tail + end), 8)`: the first 40 bits, read from the digest's words. */
  private hash8(name: string, tail = "", end = ""): string {
    const h = this.sha.words32(name, tail, end);
    const w0 = h[0] as number;
    const w1 = h[1] as number;
    const b = BASE32;
    return String.fromCharCode(
      b.charCodeAt(w0 >>> 27),
      b.charCodeAt((w0 >>> 22) & 31),
      b.charCodeAt((w0 >>> 17) & 31),
      b.charCodeAt((w0 >>> 12) & 31),
      b.charCodeAt((w0 >>> 7) & 31),
      b.charCodeAt((w0 >>> 2) & 31),
      b.charCodeAt(((w0 & 3) << 3) | (w1 >>> 29)),
      b.charCodeAt((w1 >>> 24) & 31),
    );
  }

  /** kube-proxy's `hashAndTruncate`: `HASH8-<name>`, cut to 240 characters ending in `...` when longer. */
  hashAndTruncate(name: string): string {
    const hashed = `${this.hash8(name)}-${name}`;
    return hashed.length > CHAIN_NAME_BASE_LENGTH_MAX
      ? `${hashed.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...`
      : hashed;
  }

  /**
   * `prefix + hashAndTruncate(name + tail + end)`, hashed from its pieces
   * and joined into one string (the table keeps one per endpoint, whose
   * pieces are its port's name, its address and `/port`).
   */
  prefixedHashAndTruncate(prefix: string, name: string, tail = "", end = ""): string {
    const h = this.hash8(name, tail, end);
    if (h.length + 1 + name.length + tail.length + end.length > CHAIN_NAME_BASE_LENGTH_MAX)
      return prefix + this.hashAndTruncate(name + tail + end);
    const p = this.pieces;
    p[0] = prefix;
    p[1] = h;
    p[3] = name;
    p[4] = tail;
    p[5] = end;
    return p.join("");
  }
}

/** `hashAndTruncate` for a one-off name. */
export function hashAndTruncate(name: string): string {
  return new NftNames().hashAndTruncate(name);
}

/** `prefixedHashAndTruncate` for a one-off name. */
export function prefixedHashAndTruncate(prefix: string, name: string, tail = "", end = ""): string {
  return new NftNames().prefixedHashAndTruncate(prefix, name, tail, end);
}
