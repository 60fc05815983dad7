/** The field names `kubectl explain TYPE.FIELD…` can go on with, for tab completion. */
import { resolveResource } from "../resources";
import {
  type EditorSchema,
  groupVersionPath,
  type OpenAPIObject,
  type OpenAPIValue,
  openAPIV3Documents,
} from "./openapi";

function obj(v: OpenAPIValue | undefined): OpenAPIObject | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
}

/** A schema's properties, looking through `$ref`, `allOf`, `items` and `additionalProperties`. */
function propertiesOf(s: OpenAPIObject, doc: OpenAPIObject, depth = 0): OpenAPIObject {
  if (depth > 8) return {};
  const ref = typeof s.$ref === "string" ? s.$ref.replace("#/components/schemas/", "") : undefined;
  const r = (ref ? obj(obj(obj(doc.components)?.schemas)?.[ref]) : undefined) ?? s;
  if (obj(r.properties)) return obj(r.properties) as OpenAPIObject;
  for (const next of [
    obj(r.items),
    obj(r.additionalProperties),
    ...(Array.isArray(r.allOf) ? r.allOf.map(obj) : []),
  ])
    if (next) {
      const found = propertiesOf(next, doc, depth + 1);
      if (Object.keys(found).length > 0) return found;
    }
  return {};
}

/** `svc.spec.po` → `svc.spec.ports`: every completion of a dotted explain argument. */
export function explainFieldCompletions(schema: EditorSchema, word: string): string[] {
  const parts = word.split(".");
  const type = resolveResource(parts[0] as string);
  if (!type || parts.length < 2) return [];
  const doc = openAPIV3Documents(schema).get(groupVersionPath(type));
  const kind = Object.values(obj(obj(doc?.components)?.schemas) ?? {})
    .map(obj)
    .find((s) => {
      const gvks = s?.["x-kubernetes-group-version-kind"];
      return Array.isArray(gvks) && gvks.some((g) => obj(g)?.kind === type.kind);
    });
  if (!doc || !kind) return [];
  let props = propertiesOf(kind, doc);
  for (const field of parts.slice(1, -1)) {
    const next = obj(props[field]);
    if (!next) return [];
    props = propertiesOf(next, doc);
  }
  const stem = parts.slice(0, -1).join(".");
  return Object.keys(props).map((f) => `${stem}.${f}`);
}
