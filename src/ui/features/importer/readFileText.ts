import { nextTask } from "../../../worker/nextTask";

/** What readFileText reads: a File, or any Blob. */
export type TextSource = Pick<Blob, "size" | "slice" | "text">;

/** The bytes read and decoded per task. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * A file's text, decoded as UTF-8 (a byte-order mark dropped, a bad byte replaced), as
 * `Blob.text()` gives it. A big file is read and decoded a chunk per task (a character cut by a
 * chunk's end is decoded with the next), the chunks are joined in a task of their own, and the
 * text is handed back in the next one: `text()` decodes all of a 34 MB dump in the task that
 * resolves it.
 */
export async function readFileText(file: TextSource, chunkBytes = CHUNK_BYTES): Promise<string> {
  if (file.size <= chunkBytes) return file.text();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let at = 0; at < file.size; at += chunkBytes) {
    const bytes = await file.slice(at, at + chunkBytes).arrayBuffer();
    parts.push(decoder.decode(bytes, { stream: true }));
  }
  parts.push(decoder.decode());
  await nextTask();
  const text = parts.join("");
  await nextTask();
  return text;
}
