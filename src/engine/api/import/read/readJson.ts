/**
 * A JSON dump (`kubectl get ... -o json`) → its objects with where each starts: JSON.parse for
 * the values (the browser's own parser), one scan for where the List's items start, and a field's
 * line found only when asked for. Text that JSON.parse refuses is not JSON to kubectl either: it
 * goes to the YAML reader, which words the error as kubectl does.
 */
import type { ManifestDocument } from "../../contract";
import { nonFinite } from "../../manifest";
import { fieldOffset, itemOffsets } from "./jsonScan";
import { LineIndex } from "./lineIndex";
import { isListObject, type ReadDump, readYaml } from "./readYaml";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads a JSON dump; never throws on bad input. */
export function readJson(text: string, file: string): ReadDump {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return readYaml(text, file);
  }
  if (!isRecord(value) || nonFinite(value) !== undefined) return readYaml(text, file);
  const lines = new LineIndex(text);
  const at = (offset: number) => ({ file, line: lines.lineOf(offset), column: 1 });
  const locateFrom = (start: number) => (path: readonly (string | number)[]) =>
    at(fieldOffset(text, start, path));
  if (!isListObject(value)) {
    const start = text.search(/\S/);
    return {
      documents: [{ object: value, source: at(start), locate: locateFrom(start), inlineStrings: true }],
      errors: [],
    };
  }
  const offsets = itemOffsets(text);
  const documents: ManifestDocument[] = [];
  value.items.forEach((item, i) => {
    if (!isRecord(item)) return;
    const start = offsets[i] ?? 0;
    documents.push({ object: item, source: at(start), locate: locateFrom(start), inlineStrings: true });
  });
  return { documents, errors: [] };
}
