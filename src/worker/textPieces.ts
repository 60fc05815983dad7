/**
 * A big text (a cluster dump, tens of MB) handed to the engine's worker as UTF-8 pieces whose
 * buffers are transferred, not copied: posting the string itself copies all of it on the page's
 * thread in one task. Each piece is encoded in a task of its own, the page's thread given back in
 * between; the worker decodes the pieces and joins them (`joinPieces`).
 */

import { nextTask } from "./nextTask";

/** Characters encoded per task: a few milliseconds of work, and a buffer small enough to allocate cheaply. */
export const PIECE_CHARS = 1024 * 1024;

/** Gives the page's thread back until the next task. */
export type Yield = () => Promise<void>;

/**
 * `text` as UTF-8 pieces of at most `pieceChars` characters each, cut between whole characters
 * (never inside a surrogate pair), so each piece decodes by itself.
 */
export async function encodePieces(
  text: string,
  pieceChars = PIECE_CHARS,
  yieldNow: Yield = nextTask,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const encoder = new TextEncoder();
  // Encoded into one scratch buffer, then copied out at its size: a fresh buffer per piece from
  // `encode` costs several times as much.
  const scratch = new Uint8Array(Math.min(text.length, pieceChars) * 3);
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + pieceChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > at && last >= 0xd800 && last <= 0xdbff) end--;
    if (pieces.length > 0) await yieldNow();
    const { written } = encoder.encodeInto(text.slice(at, end), scratch);
    pieces.push(scratch.slice(0, written));
    at = end;
  }
  return pieces;
}

/** The text `pieces` encode (a byte order mark kept as a character, as the string had it). */
export function joinPieces(pieces: readonly Uint8Array[]): string {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return pieces.map((p) => decoder.decode(p)).join("");
}
