import type { Grid } from "./patterns";

/** The eight data masks (ISO/IEC 18004 Table 10): true where a module is inverted. */
const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Inverts the data modules a mask selects (applying it twice undoes it). */
export function applyMask(g: Grid, mask: number): void {
  const m = MASKS[mask]!;
  for (let y = 0; y < g.size; y++) {
    for (let x = 0; x < g.size; x++) {
      if (!g.reserved[y]![x] && m(x, y)) g.modules[y]![x] = !g.modules[y]![x];
    }
  }
}

/** Dark-light-dark-dark-dark-light-dark (1:1:3:1:1) starting at `i`. */
function finderCoreAt(l: readonly boolean[], i: number): boolean {
  return (
    l[i] === true &&
    !l[i + 1] &&
    l[i + 2] === true &&
    l[i + 3] === true &&
    l[i + 4] === true &&
    !l[i + 5] &&
    l[i + 6] === true
  );
}

/** Four light modules from `from` on; modules outside the symbol are the quiet zone, so light. */
function lightRun(line: readonly boolean[], from: number): boolean {
  for (let i = from; i < from + 4; i++) if (line[i] === true) return false;
  return true;
}

function linePenalty(line: readonly boolean[]): number {
  let score = 0;
  let run = 1;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[i - 1]) run++;
    else {
      if (run >= 5) score += 3 + (run - 5);
      run = 1;
    }
  }
  for (let i = 0; i + 7 <= line.length; i++) {
    if (finderCoreAt(line, i) && (lightRun(line, i - 4) || lightRun(line, i + 7))) {
      score += 40;
    }
  }
  return score;
}

/** The penalty score of ISO/IEC 18004 §7.8.3 (runs, 2×2 blocks, finder-like patterns, dark balance). */
export function penalty(g: Grid): number {
  const n = g.size;
  const rows = g.modules;
  const cols = Array.from({ length: n }, (_, x) => rows.map((r) => r[x]!));
  let score = 0;
  for (const line of [...rows, ...cols]) score += linePenalty(line);
  let dark = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const c = rows[y]![x]!;
      if (c) dark++;
      if (
        x + 1 < n &&
        y + 1 < n &&
        c === rows[y]![x + 1] &&
        c === rows[y + 1]![x] &&
        c === rows[y + 1]![x + 1]
      ) {
        score += 3;
      }
    }
  }
  const total = n * n;
  score += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
  return score;
}
