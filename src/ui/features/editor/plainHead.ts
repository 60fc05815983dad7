/**
 * Over this, a text area shows only the start of the text, read-only: it lays out all of its text
 * in the task that sets it (a 34 MB dump dropped before Monaco arrived held the page for seconds).
 */
export const PLAIN_AREA_CHARS = 256 * 1024;
/** How much of a bigger text it shows: its first lines, cut at a line's end. */
const PLAIN_HEAD_CHARS = 32 * 1024;

/** The first lines of `text`, up to PLAIN_HEAD_CHARS, cut after a line's end when one is there. */
export function headOf(text: string): string {
  const end = text.lastIndexOf("\n", PLAIN_HEAD_CHARS - 1);
  return text.slice(0, end > 0 ? end + 1 : PLAIN_HEAD_CHARS);
}
