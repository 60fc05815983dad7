/**
 * The OpenAPI v3 documents the API server serves at `/openapi/v3/<group-version>`, as
 * `kubectl explain` reads them, made from the one Kubernetes schema the project carries
 * (`api/openapi/kubernetes.json`, the editor's JSON Schema of the kinds, generated from
 * Kubernetes' own OpenAPI descriptions): the kinds' component schemas with their
 * `x-kubernetes-group-version-kind`, and the resource paths that name each kind.
 *
 * NOTE: that schema leaves out fields no lesson uses (managedFields, securityContext,
 * ephemeral containers, most volume sources, …), and has no Lease; `kubectl explain` on a
 * real cluster lists them.
 */
import { allResourceTypes, type ResourceType } from "../resources";

/** A JSON value of an OpenAPI document. */
export type OpenAPIValue = null | boolean | number | string | OpenAPIValue[] | OpenAPIObject;
export interface OpenAPIObject {
  [key: string]: OpenAPIValue;
}

const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

/** The two apimachinery types whose v3 schema is a oneOf (the editor's schema inlines them as a type union). */
const BUILTIN: Record<string, OpenAPIObject> = {
  [INT_OR_STRING]: {
    description:
      "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
    format: "int-or-string",
    oneOf: [{ type: "integer" }, { type: "string" }],
  },
  [QUANTITY]: {
    description:
      'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | "" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn\'t choose the capitalization.)\n\n<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in "canonical form". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as "1500m" - 1.5Gi will be serialized as "1536Mi"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don\'t diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.',
    oneOf: [{ type: "number" }, { type: "string" }],
  },
};

/** The descriptions every kind's `apiVersion` and `kind` carry (TypeMeta's). */
const TYPE_META: Record<string, string> = {
  apiVersion:
    "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
  kind: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
};

const ref = (name: string) => `#/components/schemas/${name}`;

function isObject(v: OpenAPIValue | undefined): v is OpenAPIObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The v3 form of one schema node: `$ref`s to components, a described `$ref` wrapped in `allOf`. */
function convert(node: OpenAPIValue): OpenAPIValue {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  const out: OpenAPIObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$ref" && typeof v === "string") out.$ref = ref(v.replace("#/definitions/", ""));
    else if (k === "description" && typeof v === "string") out.description = v.replace(/\\\*/g, "*");
    else if (k === "properties" && isObject(v))
      out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, field(s)]));
    else out[k] = convert(v);
  }
  if (Array.isArray(out.type)) {
    const union = out.type.join(",");
    const name =
      union === "integer,string" ? INT_OR_STRING : union === "number,string" ? QUANTITY : undefined;
    if (name) {
      delete out.type;
      out.$ref = ref(name);
    }
  }
  return out;
}

/** A property: a `$ref` beside its own description becomes `allOf: [{$ref}]`, as kube-openapi writes it. */
function field(node: OpenAPIValue): OpenAPIValue {
  const out = convert(node);
  if (!isObject(out) || typeof out.$ref !== "string" || out.description === undefined) return out;
  const { $ref, ...rest } = out;
  return { allOf: [{ $ref }], ...rest };
}

/** The project's Kubernetes schema (`api/openapi/kubernetes.json`), as the generator writes it. */
export interface EditorSchema {
  kinds: { apiVersion: string; kind: string; $ref: string }[];
  definitions: Record<string, OpenAPIValue>;
}

/** `api/v1`, `apis/apps/v1`: where a group version's document lives under /openapi/v3. */
export function groupVersionPath(t: Pick<ResourceType, "group" | "apiVersion">): string {
  return t.group ? `apis/${t.apiVersion}` : `api/${t.apiVersion}`;
}

/** The resource path a kind is listed at, as the API server's document names it. */
function resourcePath(t: ResourceType): string {
  const prefix = t.group ? `/apis/${t.apiVersion}` : `/api/${t.apiVersion}`;
  return t.namespaced ? `${prefix}/namespaces/{namespace}/${t.plural}` : `${prefix}/${t.plural}`;
}

/**
 * Every group version's OpenAPI v3 document, by its path under /openapi/v3. Each holds
 * every component schema (the real ones hold those their kinds reach).
 */
export function openAPIV3Documents(editor: EditorSchema): Map<string, OpenAPIObject> {
  const components: OpenAPIObject = { ...BUILTIN };
  for (const [name, def] of Object.entries(editor.definitions)) components[name] = convert(def);
  const docs = new Map<string, OpenAPIObject>();
  for (const t of allResourceTypes()) {
    const entry = editor.kinds.find((k) => k.kind === t.kind && k.apiVersion === t.apiVersion);
    if (!entry) continue;
    const version = t.apiVersion.slice(t.apiVersion.indexOf("/") + 1);
    const gvk: OpenAPIObject = { group: t.group, kind: t.kind, version };
    const name = entry.$ref.replace("#/definitions/", "");
    const kindSchema = components[name];
    if (isObject(kindSchema)) components[name] = kindSchemaOf(kindSchema, gvk);
    const path = groupVersionPath(t);
    const doc = docs.get(path) ?? {
      openapi: "3.0.0",
      info: { title: "Kubernetes", version: "unversioned" },
      paths: {},
    };
    (doc.paths as OpenAPIObject)[resourcePath(t)] = { get: { "x-kubernetes-group-version-kind": gvk } };
    docs.set(path, doc);
  }
  for (const doc of docs.values()) doc.components = { schemas: components };
  return docs;
}

/**
 * A kind's top-level schema as the API server has it: `apiVersion` and `kind` are plain
 * strings, not required (the editor pins and requires them), and the GVK extension names it.
 */
function kindSchemaOf(s: OpenAPIObject, gvk: OpenAPIObject): OpenAPIObject {
  const properties = isObject(s.properties) ? { ...s.properties } : {};
  for (const k of ["apiVersion", "kind"]) {
    const p = properties[k];
    if (isObject(p)) {
      const { enum: _enum, ...rest } = p;
      properties[k] = { description: TYPE_META[k] as string, ...rest };
    }
  }
  const required = Array.isArray(s.required)
    ? s.required.filter((r) => r !== "apiVersion" && r !== "kind")
    : [];
  const { required: _required, ...rest } = s;
  return {
    ...rest,
    properties,
    ...(required.length > 0 ? { required } : {}),
    "x-kubernetes-group-version-kind": [gvk],
  };
}
