/** QR code capacity tables (ISO/IEC 18004 Table 9) for error-correction levels L and M. */

export const ECC_LEVELS = ["L", "M"] as const;
export type EccLevel = (typeof ECC_LEVELS)[number];

/** The two format bits of each level (L = 01, M = 00). */
export const FORMAT_BITS: Record<EccLevel, number> = { L: 1, M: 0 };

// Index = version (0 unused).
const ECC_PER_BLOCK: Record<EccLevel, readonly number[]> = {
  L: [
    -1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  M: [
    -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  ],
};
const BLOCKS: Record<EccLevel, readonly number[]> = {
  L: [
    -1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16,
    17, 18, 19, 19, 20, 21, 22, 24, 25,
  ],
  M: [
    -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28,
    29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
  ],
};

export const MIN_VERSION = 1;
export const MAX_VERSION = 40;

/** Side length in modules. */
export function sizeOf(version: number): number {
  return version * 4 + 17;
}

/** Modules left for data and error correction once function patterns are placed. */
export function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const numAlign = Math.floor(version / 7) + 2;
    result -= (25 * numAlign - 10) * numAlign - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

/** Error-correction codewords per block and number of blocks. */
export function eccBlocks(version: number, ecl: EccLevel): { perBlock: number; blocks: number } {
  return { perBlock: ECC_PER_BLOCK[ecl][version]!, blocks: BLOCKS[ecl][version]! };
}

/** Data codewords a version and level hold. */
export function dataCodewords(version: number, ecl: EccLevel): number {
  const { perBlock, blocks } = eccBlocks(version, ecl);
  return Math.floor(rawDataModules(version) / 8) - perBlock * blocks;
}

/** Centre coordinates of alignment patterns along each axis. */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const numAlign = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + numAlign * 3 + 5) / (numAlign * 4 - 4)) * 2;
  const result = [6];
  for (let pos = sizeOf(version) - 7; result.length < numAlign; pos -= step) result.splice(1, 0, pos);
  return result;
}
