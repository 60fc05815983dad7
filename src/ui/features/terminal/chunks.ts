/** Lines per block of long output: small enough to lay out in a few milliseconds. */
export const CHUNK_LINES = 200;

export interface Chunk {
  /** Offset in the text: the block's identity. */
  start: number;
  text: string;
  lines: number;
}

/** Cuts text into blocks of `size` lines (the last may be shorter); short text is one block. */
export function chunkLines(text: string, size = CHUNK_LINES): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < size && end < text.length) {
      const nl = text.indexOf("\n", end);
      lines++;
      end = nl < 0 ? text.length : nl + 1;
    }
    chunks.push({ start, text: text.slice(start, end), lines });
    start = end;
  }
  return chunks.length ? chunks : [{ start: 0, text, lines: 1 }];
}
