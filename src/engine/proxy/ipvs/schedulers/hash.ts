/**
 * The kernel hash functions the hashing schedulers use, bit for bit.
 */

/** GOLDEN_RATIO_32 from include/linux/hash.h. */
const GOLDEN_RATIO_32 = 0x61c88647;

/** hash_32(val, bits) = (val * GOLDEN_RATIO_32) >> (32 - bits), in u32 arithmetic. */
export function hash32(val: number, bits: number): number {
  return Math.imul(val >>> 0, GOLDEN_RATIO_32) >>> (32 - bits);
}

/** The classic IPVS multiplicative hash: (addr * 2654435761) & mask (ip_vs_dh.c, old ip_vs_sh.c). */
export function multiplicativeHash(addr: number, mask: number): number {
  return (Math.imul(addr >>> 0, 2654435761 | 0) >>> 0) & mask;
}

const M64 = (1n << 64n) - 1n;
const rol = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & M64;

/**
 * hsiphash() of one u32 on a 64-bit kernel, where lib/siphash.c makes
 * "HalfSipHash1-3" actually SipHash-1-3 with a 64-bit key pair and returns
 * the low 32 bits of (v0 ^ v1) ^ (v2 ^ v3).
 */
export function hsiphashU32(value: number, key0: bigint, key1: bigint): number {
  let v0 = 0x736f6d6570736575n ^ key0;
  let v1 = 0x646f72616e646f6dn ^ key1;
  let v2 = 0x6c7967656e657261n ^ key0;
  let v3 = 0x7465646279746573n ^ key1;
  const round = (): void => {
    v0 = (v0 + v1) & M64;
    v1 = rol(v1, 13n) ^ v0;
    v0 = rol(v0, 32n);
    v2 = (v2 + v3) & M64;
    v3 = rol(v3, 16n) ^ v2;
    v0 = (v0 + v3) & M64;
    v3 = rol(v3, 21n) ^ v0;
    v2 = (v2 + v1) & M64;
    v1 = rol(v1, 17n) ^ v2;
    v2 = rol(v2, 32n);
  };
  // len = 4: no full 8-byte word; b = (len << 56) | le32(data).
  const b = (4n << 56n) | BigInt(value >>> 0);
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return Number((v0 ^ v1 ^ v2 ^ v3) & 0xffffffffn);
}
