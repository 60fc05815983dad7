/**
 * The YAML readers on one big text: the manifest parser (what the editor's
 * text and `kubectl apply -f` go through; it reads at most
 * MAX_MANIFEST_CHARS, so it gets the leading documents that fit), and the
 * import's dump reader (which reads big YAML fast, falling back to the yaml
 * package for what it does not read, such as flow sequences), on the whole
 * text. One run each: together they take tens of seconds.
 */
import { readDump } from "../engine/api/import/read/dump";
import { MAX_MANIFEST_CHARS, parseManifests } from "../engine/api/manifest";

export interface ReaderFigure {
  what: string;
  ms: number;
  note: string;
}

/** The leading whole documents of a `---`-separated text that fit in `limit` characters. */
export function leadingDocuments(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf("\n---\n", limit - 1);
  return cut < 0 ? "" : text.slice(0, cut + 1);
}

/** What a reader gave for `text` in `took` ms: documents, errors, size and rate. */
function note(documents: number, errors: number, text: string, took: number, how: string): string {
  const mib = text.length / 2 ** 20;
  return `${documents.toLocaleString("en-US")} documents, ${errors} errors, ${mib.toFixed(1)} MiB at ${(mib / (took / 1000)).toFixed(1)} MiB/s; ${how}`;
}

function timed<T>(collectGarbage: () => void, fn: () => T): { value: T; ms: number } {
  collectGarbage();
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** Times each reader on `text` (a collection before each). */
export function measureYamlReaders(text: string, collectGarbage: () => void): ReaderFigure[] {
  const fits = leadingDocuments(text, MAX_MANIFEST_CHARS);
  const parsed = timed(collectGarbage, () => parseManifests(fits, "big.yaml"));
  const read = timed(collectGarbage, () => readDump(text, "big.yaml"));
  return [
    {
      what: `parse the leading ${(MAX_MANIFEST_CHARS / 2 ** 20).toFixed(0)} MiB of it as YAML (parseManifests)`,
      ms: parsed.ms,
      note: note(
        parsed.value.documents.length,
        parsed.value.errors.length,
        fits,
        parsed.ms,
        "the yaml package with source positions, as kubectl apply -f reads a file",
      ),
    },
    {
      what: "read all of it as YAML (readDump, the import's reader)",
      ms: read.ms,
      note: note(
        read.value.documents.length,
        read.value.errors.length,
        text,
        read.ms,
        "the fast block reader, the yaml package for what it does not read",
      ),
    },
  ];
}
