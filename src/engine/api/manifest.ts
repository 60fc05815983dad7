/**
 * Manifest files → documents with their positions, the way `kubectl apply -f`
 * reads them: `---`-separated YAML documents, `kind: List` unpacked into its
 * items, empty documents skipped, the first syntax error reported in kubectl's words.
 */
import type { Document, Tags, Node as YamlNode } from "yaml";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";
import type { ApiError, ManifestDocument } from "./contract";
import type { SourceRef } from "./types";

/** The largest manifest file read, in characters (Packetwalk's limit: the parse runs in a browser tab). */
export const MAX_MANIFEST_CHARS = 8 * 1024 * 1024;

/**
 * YAML as kubectl reads it (go-yaml v2, YAML 1.1): `yes`/`no`/`on`/`off` are booleans and `017` is
 * octal, but a timestamp or a sexagesimal number (`1:30`) stays a string, as go-yaml v2 leaves it
 * when decoding into an untyped value.
 */
export const KUBECTL_YAML = {
  version: "1.1",
  customTags: (tags: Tags) =>
    tags.filter(
      (t) => typeof t === "string" || (t.format !== "TIME" && t.tag !== "tag:yaml.org,2002:timestamp"),
    ),
} as const;

/** Aliases a document may expand (yaml's `maxAliasCount`): past it, go-yaml's excessive-aliasing error. */
export const MAX_ALIAS_COUNT = 100;

/** The parsed documents of one file, and what could not be parsed. */
export interface ParsedManifests {
  documents: ManifestDocument[];
  errors: ApiError[];
}

/**
 * Parses a manifest file. Documents before the first syntax error are kept;
 * like kubectl's stream decoder, nothing after it is read.
 */
export function parseManifests(text: string, file: string): ParsedManifests {
  if (text.length > MAX_MANIFEST_CHARS) {
    return {
      documents: [],
      errors: [
        {
          reason: "Parse",
          message: `error: error reading ${file}: the file is ${text.length} characters, over the ${MAX_MANIFEST_CHARS} Packetwalk reads (Packetwalk's limit; see docs/emulation.md)`,
          source: { file, line: 1 },
        },
      ],
    };
  }
  return parseManifestText(text, file);
}

/** `parseManifests` without the size limit (an import reads larger files; see api/limits.ts). */
export function parseManifestText(text: string, file: string): ParsedManifests {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    ...KUBECTL_YAML,
  });
  const documents: ManifestDocument[] = [];
  const errors: ApiError[] = [];
  if (!Array.isArray(parsed)) return { documents, errors };
  for (const doc of parsed) {
    const err = doc.errors[0];
    if (err) {
      errors.push(syntaxError(text, file, lineCounter, err.pos[0], err.message));
      break;
    }
    const contents = doc.contents as YamlNode | null;
    if (contents === null || contents === undefined) continue;
    const position = (node: YamlNode | null | undefined) => {
      const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
      return { file, line: pos.line, column: pos.col };
    };
    const converted = toJSON(doc);
    if ("error" in converted) {
      const source = position(contents);
      errors.push({
        reason: "Parse",
        message: `error: error parsing ${file}: error converting YAML to JSON: ${converted.error}`,
        source,
      });
      break;
    }
    const value = converted.value;
    if (value === null || value === undefined) continue;
    if (!isPlainObject(value)) {
      const source = position(contents);
      errors.push({
        reason: "Parse",
        message: `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${source.line - chunkStart(text, contents.range?.[0] ?? 0) + 1}: cannot unmarshal ${typeof value === "object" ? "!!seq" : "!!str"} into Go value of type map[string]interface {}`,
        source,
      });
      break;
    }
    if (value.kind === "List" && Array.isArray(value.items) && isMap(contents)) {
      const itemsNode = contents.get("items", true);
      const nodes = isSeq(itemsNode) ? (itemsNode.items as YamlNode[]) : [];
      value.items.forEach((item, i) => {
        const node = nodes[i] ?? contents;
        if (isPlainObject(item)) {
          documents.push({ object: item, source: position(node), locate: locator(node, position) });
        }
      });
      continue;
    }
    documents.push({ object: value, source: position(contents), locate: locator(contents, position) });
  }
  return { documents, errors };
}

/**
 * The document as kubectl's YAML-to-JSON conversion sees it: go-yaml stops alias bombs, and
 * encoding/json refuses what JSON cannot hold (`.inf`, `.nan`).
 */
export function toJSON(doc: Document.Parsed): { value: unknown } | { error: string } {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError) return { error: "yaml: document contains excessive aliasing" };
    throw e;
  }
  const bad = nonFinite(value);
  return bad === undefined ? { value } : { error: `json: unsupported value: ${bad}` };
}

/** The first number JSON cannot write, as Go formats it (`+Inf`, `-Inf`, `NaN`). */
export function nonFinite(v: unknown): string | undefined {
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
    return undefined;
  }
  if (typeof v !== "object" || v === null) return undefined;
  for (const item of Array.isArray(v) ? v : Object.values(v)) {
    const bad = nonFinite(item);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** Finds the line of a field by walking the YAML nodes: a map key's own line, a list item's line. */
function locator(
  root: YamlNode,
  position: (node: YamlNode | null | undefined) => SourceRef,
): (path: readonly (string | number)[]) => SourceRef | undefined {
  return (path) => {
    let node: unknown = root;
    let at: YamlNode = root;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        at = (pair.key as YamlNode) ?? at;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (!item) break;
        at = item as YamlNode;
        node = item;
      } else break;
    }
    return position(at);
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * kubectl splits the stream on `---` lines before decoding, so go-yaml counts
 * lines from the start of the document's chunk. Returns that chunk's first line.
 */
function chunkStart(text: string, offset: number): number {
  let line = 1;
  let start = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    line++;
    if (text.startsWith("---", i + 1)) start = line + 1;
  }
  return start;
}

function syntaxError(text: string, file: string, lc: LineCounter, offset: number, what: string): ApiError {
  const pos = lc.linePos(offset);
  const relative = pos.line - chunkStart(text, offset) + 1;
  // NOTE: go-yaml words its errors differently ("mapping values are not allowed in this
  // context"); we keep the yaml library's description in kubectl's frame.
  const description = what.replace(/ at line \d+, column \d+[\s\S]*$/, "").trim();
  return {
    reason: "Parse",
    message: `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${relative}: ${description}`,
    source: { file, line: pos.line, column: pos.col },
  };
}
