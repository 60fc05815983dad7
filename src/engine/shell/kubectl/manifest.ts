import { LineCounter, parseAllDocuments } from "yaml";
import type { ManifestDocument } from "../../api/contract";
import type { CommandEnv } from "../types";
import { type ResourceType, resolveResource } from "./resources";

/** A file argument's text: `-` reads stdin, as `kubectl -f -` does. */
export function readFileArg(
  env: CommandEnv,
  path: string,
): { name: string; text: string } | { error: string } {
  if (path === "-") return { name: "STDIN", text: env.stdin };
  const text = env.files.get(path);
  if (text === undefined) return { error: `error: the path "${path}" does not exist` };
  return { name: path, text };
}

/**
 * Splits a manifest into documents (and `kind: List` items) with their
 * lines. NOTE: the API server's own parser reports YAML errors with
 * positions; here a broken document yields kubectl's generic message.
 */
export function parseManifest(text: string, file: string): { docs: ManifestDocument[]; errors: string[] } {
  const lineCounter = new LineCounter();
  const docs: ManifestDocument[] = [];
  const errors: string[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    if (doc.errors.length > 0) {
      errors.push(`error: error parsing ${file}: ${doc.errors[0]?.message ?? "invalid YAML"}`);
      continue;
    }
    const object = doc.toJS() as unknown;
    if (object === null || typeof object !== "object") continue;
    const line = lineCounter.linePos(doc.range[0]).line;
    const o = object as Record<string, unknown>;
    if (o.kind === "List" && Array.isArray(o.items)) {
      for (const item of o.items)
        docs.push({ object: item as Record<string, unknown>, source: { file, line } });
    } else docs.push({ object: o, source: { file, line } });
  }
  return { docs, errors };
}

/** The resource type of a manifest document, from its kind. */
export function typeOfDocument(doc: ManifestDocument): ResourceType | undefined {
  const kind = doc.object.kind;
  return typeof kind === "string" ? resolveResource(kind) : undefined;
}

/** `error: resource mapping not found ...` for a kind the server does not serve. */
export function noMatchMessage(doc: ManifestDocument): string {
  const meta = (doc.object.metadata ?? {}) as { name?: string; namespace?: string };
  return `error: resource mapping not found for name: "${meta.name ?? ""}" namespace: "${meta.namespace ?? ""}" from "${doc.source.file}": no matches for kind "${String(doc.object.kind)}" in version "${String(doc.object.apiVersion)}"\nensure CRDs are installed first`;
}

export function docName(doc: ManifestDocument): string {
  return String((doc.object.metadata as { name?: string } | undefined)?.name ?? "");
}

export function docNamespace(doc: ManifestDocument, fallback: string): string {
  return String((doc.object.metadata as { namespace?: string } | undefined)?.namespace ?? fallback);
}
