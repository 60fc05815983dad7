/**
 * A YAML dump → its objects with where each starts, read fast: documents split on their `---`
 * lines, each read by the fast block reader, the items of a `kind: List` marked as they are read.
 * An item (or a document) the fast reader does not read is read by the `yaml` package under
 * kubectl's rules; if that reports an error, the whole text goes through the manifest parser, so
 * the error is the one `kubectl apply` words. Field positions are found only when asked for
 * (`locate`), by reading that one object's text again with positions.
 */
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from "yaml";
import type { ApiError, ManifestDocument } from "../../contract";
import { KUBECTL_YAML, nonFinite, parseManifestText } from "../../manifest";
import type { SourceRef } from "../../types";
import { BlockReader, type ItemMark } from "./fastYaml";
import { PlainScalars, Unsupported } from "./yamlScalars";

/** What reading a dump gives: its objects, or the first syntax error in kubectl's words. */
export interface ReadDump {
  documents: ManifestDocument[];
  errors: ApiError[];
}

interface Chunk {
  start: number;
  end: number;
  /** 1-based line of the chunk's first line. */
  line: number;
}

/** The text between `---` (and `...`) lines, each with its first line. */
function chunks(text: string): Chunk[] | undefined {
  const out: Chunk[] = [];
  let start = 0;
  let line = 1;
  let at = 0;
  let lineNo = 1;
  const marker = /^(?:---|\.\.\.)(?=[ \t\n]|$)|^%/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m[0] === "%") return undefined;
    lineNo += countLines(text, at, m.index);
    at = m.index;
    const eol = text.indexOf("\n", m.index);
    const rest = text.slice(m.index + 3, eol < 0 ? text.length : eol).trim();
    if (rest !== "" && !rest.startsWith("#")) return undefined;
    if (m.index > start) out.push({ start, end: m.index, line });
    start = eol < 0 ? text.length : eol + 1;
    line = lineNo + 1;
  }
  if (start < text.length) out.push({ start, end: text.length, line });
  return out;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A list the API or kubectl prints (`kind: List`, `PodList`...): its items are the objects. */
export function isListObject(
  v: Record<string, unknown>,
): v is { items: unknown[] } & Record<string, unknown> {
  return typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items);
}

/** Reads `text[start, end)` with the `yaml` package; a document with errors gives undefined. */
function readSlow(text: string, start: number, end: number): Document.Parsed | undefined {
  const doc = parseDocument(text.slice(start, end), {
    uniqueKeys: false,
    prettyErrors: false,
    ...KUBECTL_YAML,
  });
  return doc.errors.length > 0 ? undefined : doc;
}

/** A field's line, found by reading the object's text again with positions. */
function locator(
  text: string,
  file: string,
  at: Chunk,
  listItem: boolean,
): (path: readonly (string | number)[]) => SourceRef | undefined {
  return (path) => {
    const lc = new LineCounter();
    const doc = parseDocument(text.slice(at.start, at.end), {
      lineCounter: lc,
      uniqueKeys: false,
      prettyErrors: false,
      ...KUBECTL_YAML,
    });
    let node: unknown = doc.contents;
    if (listItem && isSeq(node)) node = node.items[0];
    let where = node as YamlNode | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        where = (pair.key as YamlNode) ?? where;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as YamlNode | undefined;
        if (!item) break;
        where = item;
        node = item;
      } else break;
    }
    const pos = lc.linePos(where?.range?.[0] ?? 0);
    return { file, line: at.line + pos.line - 1, column: pos.col };
  };
}

/**
 * Reads a YAML dump. Never throws on bad input: a syntax error comes back in `errors` (and then
 * no documents, as an import of a broken dump imports nothing). `onRead` is told how many
 * characters have been read as the reading goes.
 */
export function readYaml(input: string, file: string, onRead?: (chars: number) => void): ReadDump {
  const text = input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input;
  const parts = chunks(text);
  if (!parts) return readWhole(text, file);
  const scalars = new PlainScalars();
  const documents: ManifestDocument[] = [];
  for (const part of parts) {
    const reader = new BlockReader(text, part.start, part.end, part.line, scalars, onRead);
    let value: unknown;
    try {
      value = reader.readDocument();
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      const slow = readSlow(text, part.start, part.end);
      if (!slow) return readWhole(text, file);
      const converted = jsValue(slow);
      if (converted === undefined) return readWhole(text, file);
      value = converted;
      reader.marks.length = 0;
    }
    // An `items` item the fast reader skipped is read again only for a List: otherwise the whole
    // document is (an error in it is then the document's error).
    if (isRecord(value) && !isListObject(value) && reader.marks.some((m) => !m.read)) {
      const slow = readSlow(text, part.start, part.end);
      const converted = slow ? jsValue(slow) : undefined;
      if (converted === undefined) return readWhole(text, file);
      value = converted;
    }
    onRead?.(part.end);
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) return readWhole(text, file);
    if (isListObject(value)) {
      const items = listItems(text, file, value.items, reader.marks, part);
      if (!items) return readWhole(text, file);
      documents.push(...items);
      continue;
    }
    const at = firstContentLine(text, part);
    documents.push({
      object: value,
      source: { file, line: at.line, column: 1 },
      locate: locator(text, file, at, false),
    });
  }
  return { documents, errors: [] };
}

/** The document from its first content line on (what `source` points at). */
function firstContentLine(text: string, part: Chunk): Chunk {
  let start = part.start;
  let line = part.line;
  for (;;) {
    const eol = text.indexOf("\n", start);
    const rest = text.slice(start, eol < 0 || eol > part.end ? part.end : eol).trim();
    if ((rest !== "" && !rest.startsWith("#")) || eol < 0 || eol >= part.end) break;
    start = eol + 1;
    line++;
  }
  return { start, end: part.end, line };
}

/** A List's items as documents: each with its line, read again by the `yaml` package when the fast reader gave up. */
function listItems(
  text: string,
  file: string,
  items: unknown[],
  marks: ItemMark[],
  part: Chunk,
): ManifestDocument[] | undefined {
  const out: ManifestDocument[] = [];
  const known = marks.length === items.length;
  for (let i = 0; i < items.length; i++) {
    const mark = known ? marks[i] : undefined;
    const index = i;
    let item = items[i];
    if (mark && !mark.read) {
      const slow = readSlow(text, mark.start, mark.end);
      const seq = slow ? jsValue(slow) : undefined;
      if (!Array.isArray(seq) || seq.length !== 1) return undefined;
      item = seq[0];
    }
    if (!isRecord(item)) continue;
    if (mark) {
      const at: Chunk = { start: mark.start, end: mark.end, line: mark.line };
      out.push({
        object: item,
        source: { file, line: at.line, column: 1 },
        locate: locator(text, file, at, true),
      });
    } else {
      // Where the fast reader did not mark the items, the List is searched from its root.
      const whole = locator(text, file, part, false);
      const locate = (path: readonly (string | number)[]) => whole(["items", index, ...path]);
      out.push({ object: item, source: { file, line: part.line }, locate });
    }
  }
  return out;
}

/** The value as kubectl's YAML-to-JSON step gives it; undefined where that step would fail. */
function jsValue(doc: Document.Parsed): unknown {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  return nonFinite(value) === undefined ? value : undefined;
}

/** The whole text through the manifest parser: exact errors, positions from the `yaml` package. */
function readWhole(text: string, file: string): ReadDump {
  const parsed = parseManifestText(text, file);
  return { documents: parsed.errors.length > 0 ? [] : parsed.documents, errors: parsed.errors };
}

export { Unsupported };
