/**
 * `kubectl apply -f`: each document created or merged into the stored
 * object, reported as created / configured / unchanged; a refused document
 * changes nothing and the rest of the file still applies.
 */
import type { ApiServer } from "./apiserver";
import type { ApiError, ApplyResult, ManifestDocument } from "./contract";
import { ApiStatusError } from "./contract";
import { decodeForKind } from "./decode/admit";
import { badRequest, invalidError } from "./errors";
import { isNamespaced, lookupKind, resourceName } from "./kinds";
import { parseManifests } from "./manifest";
import { sortedJSON } from "./objects";

/** kubectl's annotation with the last applied document. */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

type Meta = { name?: string; namespace?: string; annotations?: Record<string, string> };

/** Applies one document; throws ApiStatusError. Does not reconcile. */
function applyOne(api: ApiServer, doc: ManifestDocument, opts?: { namespace?: string }): ApplyResult {
  const src = doc.object;
  // kubectl reads name and namespace as strings (unstructured accessors): anything else is unset.
  const rawMeta = (isRecord(src.metadata) ? src.metadata : {}) as Record<string, unknown>;
  const meta: Meta = {
    ...(typeof rawMeta.name === "string" ? { name: rawMeta.name } : {}),
    ...(typeof rawMeta.namespace === "string" && rawMeta.namespace ? { namespace: rawMeta.namespace } : {}),
  };
  const file = doc.source.file;
  if (typeof src.apiVersion !== "string" || typeof src.kind !== "string") {
    const missing = [
      ...(typeof src.apiVersion !== "string" ? ["apiVersion not set"] : []),
      ...(typeof src.kind !== "string" ? ["kind not set"] : []),
    ];
    throw new ApiStatusError({
      reason: "BadRequest",
      message: `error: error validating "${file}": error validating data: [${missing.join(", ")}]; if you choose to ignore these errors, turn validation off with --validate=false`,
      source: doc.source,
    });
  }
  const kind = lookupKind(src.apiVersion, src.kind);
  if (!kind) {
    throw new ApiStatusError({
      reason: "NoMatch",
      message: `error: resource mapping not found for name: "${meta.name ?? ""}" namespace: "${meta.namespace ?? ""}" from "${file}": no matches for kind "${src.kind}" in version "${src.apiVersion}"\nensure CRDs are installed first`,
      source: doc.source,
      kind: src.kind,
      ...(meta.name ? { name: meta.name } : {}),
    });
  }
  let namespace: string | undefined;
  if (isNamespaced(kind)) {
    if (meta.namespace && opts?.namespace && meta.namespace !== opts.namespace) {
      throw new ApiStatusError({
        reason: "BadRequest",
        message: `error: the namespace from the provided object "${meta.namespace}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
        source: doc.source,
      });
    }
    namespace = meta.namespace ?? opts?.namespace ?? "default";
  }
  const name = api.nameFor(kind, meta);
  const store = api.cluster.store;
  const old = store.get(kind, namespace, name);
  const ctx = { source: doc.source, verb: old ? ("applying patch" as const) : ("creating" as const) };
  const decoded = decodeForKind(api.decodeSchema, kind, src.apiVersion, src);
  if (!decoded.ok) {
    const at = { ...ctx, source: doc.locate?.(decoded.path) ?? doc.source };
    if ("invalid" in decoded) throw invalidError(api.cluster, kind, name, decoded.invalid, namespace, at);
    throw badRequest(decoded.badRequest, kind, name, at);
  }
  const decodedMeta = (decoded.object.metadata ?? {}) as Meta;
  const applied = {
    ...decoded.object,
    metadata: { ...decodedMeta, ...(namespace ? { namespace } : {}) },
  };
  const annotations = { ...decodedMeta.annotations, [LAST_APPLIED]: `${sortedJSON(applied)}\n` };
  const object = { ...applied, metadata: { ...applied.metadata, annotations } };
  // NOTE: kubectl computes a three-way merge patch (last-applied, file, live);
  // we replace the spec with the file's, keeping allocated values and status.
  const out = api.write(kind, object, old, { ctx, apply: true });
  store.setSource(kind, namespace, name, doc.source);
  return {
    kind,
    resource: resourceName(kind),
    ...(namespace ? { namespace } : {}),
    name,
    action: !old ? "created" : out.changed ? "configured" : "unchanged",
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Applies one parsed document and reconciles. Throws ApiStatusError. */
export function applyDocument(
  api: ApiServer,
  doc: ManifestDocument,
  opts?: { namespace?: string },
): ApplyResult {
  const result = applyOne(api, doc, opts);
  api.cluster.reconcile();
  return result;
}

/**
 * Applies documents in order and reconciles once at the end, as the
 * controllers see a `kubectl apply -f` of many objects: every write first,
 * then the work queues drain. A refused document changes nothing and the
 * rest still apply. Never throws ApiStatusError.
 */
export function applyDocuments(
  api: ApiServer,
  documents: readonly ManifestDocument[],
  opts?: { namespace?: string },
): { results: ApplyResult[]; errors: ApiError[] } {
  const results: ApplyResult[] = [];
  const errors: ApiError[] = [];
  for (const doc of documents) {
    try {
      results.push(applyOne(api, doc, opts));
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      errors.push({ ...e.status, source: e.status.source ?? doc.source });
    }
  }
  api.cluster.reconcile();
  return { results, errors };
}

/** Parses and applies a whole file; never throws. */
export function applyManifestText(
  api: ApiServer,
  text: string,
  file: string,
  opts?: { namespace?: string },
): { results: ApplyResult[]; errors: ApiError[] } {
  const parsed = parseManifests(text, file);
  const { results, errors } = applyDocuments(api, parsed.documents, opts);
  return { results, errors: [...errors, ...parsed.errors] };
}
