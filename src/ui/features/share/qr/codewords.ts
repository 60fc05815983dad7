import { rsGenerator, rsRemainder } from "./gf256";
import { dataCodewords, type EccLevel, eccBlocks, MAX_VERSION, MIN_VERSION, rawDataModules } from "./tables";

/** Bits of the byte-mode character count for a version. */
function countBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** Bits a byte-mode segment of `length` bytes takes in a version. */
function segmentBits(version: number, length: number): number {
  return 4 + countBits(version) + 8 * length;
}

/**
 * The smallest version holding the bytes at level L, raised to M when M
 * still fits in that version; `null` past version 40.
 */
export function chooseVersion(length: number): { version: number; ecl: EccLevel } | null {
  for (let version = MIN_VERSION; version <= MAX_VERSION; version++) {
    if (segmentBits(version, length) > dataCodewords(version, "L") * 8) continue;
    const ecl: EccLevel = segmentBits(version, length) <= dataCodewords(version, "M") * 8 ? "M" : "L";
    return { version, ecl };
  }
  return null;
}

/** Bits to codewords: terminator (up to four 0s), 0s to a byte boundary, then pad bytes 0xEC 0x11. */
export function padToCodewords(bits: readonly number[], capacityBytes: number): number[] {
  const all = [...bits];
  const capacity = capacityBytes * 8;
  for (let i = 0; i < 4 && all.length < capacity; i++) all.push(0);
  while (all.length % 8 !== 0) all.push(0);
  const out: number[] = [];
  for (let i = 0; i < all.length; i += 8) out.push(all.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; out.length < capacityBytes; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

/** The data codewords of one byte-mode segment (mode 0100, count, bytes), padded to the capacity. */
export function dataCodewordsFor(bytes: Uint8Array, version: number, ecl: EccLevel): number[] {
  const bits: number[] = [];
  const push = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(bytes.length, countBits(version));
  for (const b of bytes) push(b, 8);
  return padToCodewords(bits, dataCodewords(version, ecl));
}

/** Splits data into blocks, appends each block's error correction, and interleaves them. */
export function interleaveWithEcc(data: readonly number[], version: number, ecl: EccLevel): number[] {
  const { perBlock, blocks } = eccBlocks(version, ecl);
  return interleaveBlocks(data, Math.floor(rawDataModules(version) / 8), blocks, perBlock);
}

/**
 * ISO/IEC 18004 §7.6: `raw` codewords in `numBlocks` blocks of `perBlock`
 * error-correction codewords each; the later blocks hold one data codeword more.
 */
export function interleaveBlocks(
  data: readonly number[],
  raw: number,
  numBlocks: number,
  perBlock: number,
): number[] {
  const numShort = numBlocks - (raw % numBlocks);
  const shortLen = Math.floor(raw / numBlocks);
  const generator = rsGenerator(perBlock);
  const blocks: number[][] = [];
  for (let i = 0, k = 0; i < numBlocks; i++) {
    const dat = data.slice(k, k + shortLen - perBlock + (i < numShort ? 0 : 1));
    k += dat.length;
    const ecc = rsRemainder(dat, generator);
    if (i < numShort) dat.push(0);
    blocks.push([...dat, ...ecc]);
  }
  const result: number[] = [];
  for (let i = 0; i < blocks[0]!.length; i++) {
    blocks.forEach((block, j) => {
      if (i !== shortLen - perBlock || j >= numShort) result.push(block[i]!);
    });
  }
  return result;
}
