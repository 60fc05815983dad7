import { chooseVersion, dataCodewordsFor, interleaveWithEcc } from "./codewords";
import { applyMask, penalty } from "./mask";
import { drawFormat, functionPatterns, placeCodewords } from "./patterns";
import type { EccLevel } from "./tables";

/** A finished symbol: rows of modules, true = dark. */
export interface QrSymbol {
  version: number;
  ecl: EccLevel;
  mask: number;
  modules: boolean[][];
}

/**
 * Encodes bytes as a QR code in byte mode (the smallest version that fits,
 * level M when it fits there, else L) with the lowest-penalty mask, or a
 * given mask. `null` when the bytes exceed version 40-L (2953 bytes).
 */
export function encodeQr(bytes: Uint8Array, forceMask?: number): QrSymbol | null {
  const choice = chooseVersion(bytes.length);
  if (!choice) return null;
  const { version, ecl } = choice;
  const codewords = interleaveWithEcc(dataCodewordsFor(bytes, version, ecl), version, ecl);
  return buildSymbol(codewords, version, ecl, forceMask);
}

/** Draws final (interleaved) codewords into a symbol, with the lowest-penalty mask unless one is given. */
export function buildSymbol(
  codewords: readonly number[],
  version: number,
  ecl: EccLevel,
  forceMask?: number,
): QrSymbol {
  const grid = functionPatterns(version, ecl);
  placeCodewords(grid, codewords);
  let mask = forceMask ?? -1;
  if (mask < 0) {
    let best = Number.POSITIVE_INFINITY;
    for (let m = 0; m < 8; m++) {
      applyMask(grid, m);
      drawFormat(grid, ecl, m);
      const score = penalty(grid);
      if (score < best) {
        best = score;
        mask = m;
      }
      applyMask(grid, m);
    }
  }
  applyMask(grid, mask);
  drawFormat(grid, ecl, mask);
  return { version, ecl, mask, modules: grid.modules };
}

/** Encodes text (UTF-8) as a QR code; see `encodeQr`. */
export function encodeQrText(text: string, forceMask?: number): QrSymbol | null {
  return encodeQr(new TextEncoder().encode(text), forceMask);
}
