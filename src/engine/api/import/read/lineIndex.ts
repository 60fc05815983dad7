/** Where each line of a text starts, for turning offsets into 1-based line numbers. */
export class LineIndex {
  /** Offsets of the line starts after the first (each just past a `\n`). */
  private readonly starts: Int32Array;

  constructor(text: string) {
    let count = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
    const starts = new Int32Array(count);
    let n = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts[n++] = i + 1;
    this.starts = starts;
  }

  /** The 1-based line holding `offset`. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** The offset where a 1-based line starts. */
  startOf(line: number): number {
    return line <= 1 ? 0 : (this.starts[line - 2] ?? 0);
  }
}
