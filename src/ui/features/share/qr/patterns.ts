import { alignmentPositions, type EccLevel, FORMAT_BITS, sizeOf } from "./tables";

/** A square of modules (true = dark) and which of them are function patterns. */
export interface Grid {
  size: number;
  modules: boolean[][];
  reserved: boolean[][];
}

function set(g: Grid, x: number, y: number, dark: boolean): void {
  g.modules[y]![x] = dark;
  g.reserved[y]![x] = true;
}

/** The 15 format bits: level and mask, BCH(15,5) protected, XOR 0x5412. */
export function formatBits(ecl: EccLevel, mask: number): number {
  const data = (FORMAT_BITS[ecl] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** The 18 version bits (versions 7 and up), BCH(18,6) protected. */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | rem;
}

/** Writes both copies of the format bits (and the dark module). */
export function drawFormat(g: Grid, ecl: EccLevel, mask: number): void {
  const bits = formatBits(ecl, mask);
  const bit = (i: number) => ((bits >>> i) & 1) !== 0;
  const n = g.size;
  for (let i = 0; i <= 5; i++) set(g, 8, i, bit(i));
  set(g, 8, 7, bit(6));
  set(g, 8, 8, bit(7));
  set(g, 7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(g, 14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(g, n - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(g, 8, n - 15 + i, bit(i));
  set(g, 8, n - 8, true);
}

function drawFinder(g: Grid, cx: number, cy: number): void {
  for (let dy = -4; dy <= 4; dy++) {
    for (let dx = -4; dx <= 4; dx++) {
      const x = cx + dx;
      const y = cy + dy;
      if (x < 0 || y < 0 || x >= g.size || y >= g.size) continue;
      const dist = Math.max(Math.abs(dx), Math.abs(dy));
      set(g, x, y, dist !== 2 && dist !== 4);
    }
  }
}

function drawAlignment(g: Grid, cx: number, cy: number): void {
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) set(g, cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }
}

/** An empty grid of a version with finder, timing, alignment, version and (placeholder) format patterns. */
export function functionPatterns(version: number, ecl: EccLevel): Grid {
  const size = sizeOf(version);
  const g: Grid = {
    size,
    modules: Array.from({ length: size }, () => new Array<boolean>(size).fill(false)),
    reserved: Array.from({ length: size }, () => new Array<boolean>(size).fill(false)),
  };
  for (let i = 0; i < size; i++) {
    set(g, 6, i, i % 2 === 0);
    set(g, i, 6, i % 2 === 0);
  }
  drawFinder(g, 3, 3);
  drawFinder(g, size - 4, 3);
  drawFinder(g, 3, size - 4);
  const align = alignmentPositions(version);
  const last = align.length - 1;
  align.forEach((x, i) => {
    align.forEach((y, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      drawAlignment(g, x, y);
    });
  });
  drawFormat(g, ecl, 0);
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) !== 0;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(g, a, b, dark);
      set(g, b, a, dark);
    }
  }
  return g;
}

/** Places codewords in the zigzag order of ISO/IEC 18004 §7.7.3, right to left in column pairs. */
export function placeCodewords(g: Grid, codewords: readonly number[]): void {
  let i = 0;
  const total = codewords.length * 8;
  for (let right = g.size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let vert = 0; vert < g.size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = upward ? g.size - 1 - vert : vert;
        if (g.reserved[y]![x] || i >= total) continue;
        g.modules[y]![x] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) !== 0;
        i++;
      }
    }
  }
}
