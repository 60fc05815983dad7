/**
 * The hashing kube-proxy's nftables mode uses to name its chains and sets:
 * SHA-256 of the readable name, base32 (RFC 4648 standard alphabet), first
 * 8 characters (`pkg/proxy/nftables/proxier.go`, `hashAndTruncate`).
 * Pure TypeScript: the engine has no Node `crypto`.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const W = new Int32Array(64);

let buf = new Uint8Array(256);

/** Writes the UTF-8 bytes of `s` into `buf` (grown as needed); returns the length. */
function utf8Into(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (n + 4 > buf.length) {
      const bigger = new Uint8Array(buf.length * 2);
      bigger.set(buf);
      buf = bigger;
    }
    let c = s.charCodeAt(i);
    if (c < 0x80) buf[n++] = c;
    else if (c < 0x800) {
      buf[n++] = 0xc0 | (c >> 6);
      buf[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[n++] = 0xf0 | (c >> 18);
        buf[n++] = 0x80 | ((c >> 12) & 63);
      } else buf[n++] = 0xe0 | (c >> 12);
      buf[n++] = 0x80 | ((c >> 6) & 63);
      buf[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

const H = new Int32Array(8);

function compress(block: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    W[i] =
      ((block[j] as number) << 24) |
      ((block[j + 1] as number) << 16) |
      ((block[j + 2] as number) << 8) |
      (block[j + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15] as number;
    const w2 = W[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
  }
  let a = H[0] as number;
  let b = H[1] as number;
  let c = H[2] as number;
  let d = H[3] as number;
  let e = H[4] as number;
  let f = H[5] as number;
  let g = H[6] as number;
  let h = H[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = ((H[0] as number) + a) | 0;
  H[1] = ((H[1] as number) + b) | 0;
  H[2] = ((H[2] as number) + c) | 0;
  H[3] = ((H[3] as number) + d) | 0;
  H[4] = ((H[4] as number) + e) | 0;
  H[5] = ((H[5] as number) + f) | 0;
  H[6] = ((H[6] as number) + g) | 0;
  H[7] = ((H[7] as number) + h) | 0;
}

const IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** Hashes a string's UTF-8 bytes, leaving the digest in `H` (no allocation). */
function digestInto(s: string): void {
  const len = utf8Into(s);
  const total = Math.ceil((len + 9) / 64) * 64;
  if (total > buf.length) {
    const bigger = new Uint8Array(total);
    bigger.set(buf.subarray(0, len));
    buf = bigger;
  }
  buf.fill(0, len, total);
  buf[len] = 0x80;
  const bitLen = len * 8;
  buf[total - 4] = bitLen >>> 24;
  buf[total - 3] = (bitLen >>> 16) & 255;
  buf[total - 2] = (bitLen >>> 8) & 255;
  buf[total - 1] = bitLen & 255;
  H.set(IV);
  for (let off = 0; off < total; off += 64) compress(buf, off);
}

/** SHA-256 digest of a string's UTF-8 bytes. */
export function sha256(s: string): Uint8Array {
  digestInto(s);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = H[i] as number;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 255;
    out[i * 4 + 2] = (v >>> 8) & 255;
    out[i * 4 + 3] = v & 255;
  }
  return out;
}

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
 * kube-proxy's `hashAndTruncate`: `HASH8-<name>`, cut to 240 characters
 * ending in `...` when longer.
 */
export function hashAndTruncate(name: string): string {
  digestInto(name);
  // The first 8 base32 characters are the digest's first 40 bits: H[0] and H[1]'s top byte.
  const h0 = H[0] as number;
  const h1 = H[1] as number;
  const hashed =
    BASE32.charAt(h0 >>> 27) +
    BASE32.charAt((h0 >>> 22) & 31) +
    BASE32.charAt((h0 >>> 17) & 31) +
    BASE32.charAt((h0 >>> 12) & 31) +
    BASE32.charAt((h0 >>> 7) & 31) +
    BASE32.charAt((h0 >>> 2) & 31) +
    BASE32.charAt(((h0 & 3) << 3) | (h1 >>> 29)) +
    BASE32.charAt((h1 >>> 24) & 31) +
    `-${name}`;
  return hashed.length > CHAIN_NAME_BASE_LENGTH_MAX
    ? `${hashed.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...`
    : hashed;
}
