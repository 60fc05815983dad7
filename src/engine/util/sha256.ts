/** SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, in pure TypeScript (the engine has no crypto API). */

/** Round constants, as int32 (the hash works in int32 arithmetic). */
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

const H0 = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/**
 * A SHA-256 hasher with its own message and digest buffers, reused across calls: a sync hashes
 * ~110,000 names, so the owner (a data plane, a name cache) keeps one.
 */
export class Sha256 {
  /** The message schedule. */
  private readonly schedule = new Int32Array(64);
  /** The padded message as big-endian words. */
  private words = new Int32Array(32);
  private bytes = new Uint8Array(128);
  /** The last digest, as eight big-endian words. */
  private readonly digest = new Int32Array(8);

  /**
   * The digest of `head + tail + end` as eight big-endian words, in this
   * hasher's buffer (the next call on this hasher overwrites it).
   */
  words32(head: string, tail = "", end = ""): Int32Array {
    const total = this.pad(head, tail, end);
    this.digest.set(H0);
    for (let off = 0; off < total; off += 16) compress(this.digest, this.words, off, this.schedule);
    return this.digest;
  }

  /** Packs `n` bytes into words and pads them; returns the padded length in words. */
  private padBytes(src: Uint8Array, n: number): number {
    const total = (((n + 8) >> 6) + 1) << 4;
    if (this.words.length < total) this.words = new Int32Array(total * 2);
    const m = this.words;
    m.fill(0, 0, total);
    for (let i = 0; i < n; i++) m[i >> 2]! |= src[i]! << (24 - ((i & 3) << 3));
    m[n >> 2]! |= 0x80 << (24 - ((n & 3) << 3));
    // The bit length's high word stays 0: no name comes near 512 MiB.
    m[total - 1] = n * 8;
    return total;
  }

  /** UTF-8 bytes of `s` into `bytes`; returns the length. */
  private utf8(s: string): number {
    if (this.bytes.length < s.length * 4) this.bytes = new Uint8Array(s.length * 8);
    const out = this.bytes;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        out[n++] = c;
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      } else {
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      }
    }
    return n;
  }

  /**
   * Packs and pads `head + tail + end` without building it (a name's
   * readable part is shared by many hashed names): ASCII, as every name
   * kube-proxy hashes is, goes straight into words.
   */
  private pad(head: string, tail: string, end: string): number {
    const n = head.length + tail.length + end.length;
    const total = (((n + 8) >> 6) + 1) << 4;
    if (this.words.length < total) this.words = new Int32Array(total * 2);
    const m = this.words;
    // `acc` gathers four bytes, big-endian; `j` counts bytes packed.
    let acc = 0;
    let j = 0;
    for (let part = 0; part < 3; part++) {
      const s = part === 0 ? head : part === 1 ? tail : end;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) return this.padBytes(this.bytes, this.utf8(head + tail + end));
        acc = (acc << 8) | c;
        if ((++j & 3) === 0) {
          m[(j >> 2) - 1] = acc;
          acc = 0;
        }
      }
    }
    let w = n >> 2;
    m[w++] = ((acc << 8) | 0x80) << ((3 - (n & 3)) << 3);
    while (w < total) m[w++] = 0;
    m[total - 1] = n * 8;
    return total;
  }
}

/**
 * One 64-byte block at word `off` of `m` into the digest `H`; `W` is room
 * for the message schedule, computed as the rounds need it.
 */
function compress(H: Int32Array, m: Int32Array, off: number, W: Int32Array): void {
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let i = 0; i < 64; i++) {
    let wi: number;
    if (i < 16) wi = m[off + i]!;
    else {
      const x = W[i - 15]!;
      const y = W[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      wi = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    W[i] = wi;
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    // Ch and Maj in their three-operation forms.
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[i]! + wi) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) | (c & (a | b)))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/** The 32-byte digest. */
export function sha256(text: string): Uint8Array {
  const h = new Sha256().words32(text);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 255;
    out[i * 4 + 2] = (v >>> 8) & 255;
    out[i * 4 + 3] = v & 255;
  }
  return out;
}

/** Hex digest, for tests against known vectors. */
export function sha256Hex(text: string): string {
  return Array.from(sha256(text), (b) => b.toString(16).padStart(2, "0")).join("");
}
