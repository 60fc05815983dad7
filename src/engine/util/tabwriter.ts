/**
 * Go's text/tabwriter as kubectl configures it, for whole-cell tables:
 * each column is as wide as its longest cell plus `padding` (at least
 * `minwidth`), cells are left-aligned, and the last column is not padded.
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** `kubectl get`: minwidth 6, tabwidth 4, padding 3. */
export const GET_TABLE: TabwriterOptions = { minwidth: 6, padding: 3 };

export function formatTable(
  rows: readonly (readonly string[])[],
  opts: TabwriterOptions = GET_TABLE,
): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i === row.length - 1) return;
      const w = Math.max(opts.minwidth, cell.length + opts.padding);
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join(""))
    .map((line) => `${line}\n`)
    .join("");
}
