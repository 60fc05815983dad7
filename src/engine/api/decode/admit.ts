/**
 * The API server's decode step for an object a client sent: the kind's Go struct decides what is
 * refused, in the words the API server uses (`Service in version "v1" cannot be handled as a
 * Service: json: cannot unmarshal ...`). Custom resources (MetalLB's IPAddressPool) are decoded
 * into unstructured data and checked against their OpenAPI schema instead, which words a wrong
 * type as an Invalid field.
 */
import type { Kind } from "../types";
import type { FieldError } from "../validation/field";
import { invalid } from "../validation/field";
import type { FieldPath } from "./decode";
import { decodeObject } from "./decode";
import type { DecodeSchema, GoType } from "./schema";

/** Kinds served as custom resources (CRDs). */
const CUSTOM_RESOURCES: ReadonlySet<Kind> = new Set<Kind>(["IPAddressPool"]);

/**
 * Kinds whose programs read their config files leniently (kubeadm, the kubelet and kube-proxy
 * warn about unknown fields and carry on), so unknown fields are not refused.
 */
const LENIENT: ReadonlySet<Kind> = new Set<Kind>([
  "ClusterConfiguration",
  "KubeletConfiguration",
  "KubeProxyConfiguration",
]);

export type Admission =
  | { ok: true; object: Record<string, unknown> }
  /** A BadRequest: the message after `Error from server (BadRequest): `. */
  | { ok: false; badRequest: string; path: FieldPath }
  /** A custom resource's schema refusal: Invalid causes. */
  | { ok: false; invalid: FieldError[]; path: FieldPath };

/** Decodes what a client sent for `kind` (`apiVersion` as given); refusals never change anything. */
export function decodeForKind(
  schema: DecodeSchema,
  kind: Kind,
  apiVersion: string,
  object: Record<string, unknown>,
): Admission {
  const type = schema.kindType(kind);
  const r = decodeObject(type, object, !LENIENT.has(kind));
  const version = apiVersion.replace(/^.*\//, "");
  const frame = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  if (r.error) {
    if (CUSTOM_RESOURCES.has(kind)) {
      const crd = schemaTypeError(type, object, r.error.path);
      if (crd) return { ok: false, invalid: [crd], path: r.error.path };
    }
    return { ok: false, badRequest: frame + r.error.message, path: r.error.path };
  }
  if (r.unknown.length > 0) {
    return {
      ok: false,
      badRequest: `${frame}strict decoding error: ${r.unknown.map((u) => u.message).join(", ")}`,
      path: r.unknown[0]!.path,
    };
  }
  return { ok: true, object: r.object };
}

/** OpenAPI's name for what a Go type holds. */
function openAPIType(t: GoType): string {
  switch (t.shape) {
    case "string":
    case "time":
    case "duration":
    case "bytes":
      return "string";
    case "int":
      return "integer";
    case "float":
      return "number";
    case "bool":
      return "boolean";
    case "slice":
      return "array";
    default:
      return "object";
  }
}

function valueType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  if (typeof v === "boolean") return "boolean";
  return typeof v;
}

/** `spec.addresses: Invalid value: "string": spec.addresses in body must be of type array: "string"`. */
function schemaTypeError(
  root: GoType,
  object: Record<string, unknown>,
  path: FieldPath,
): FieldError | undefined {
  let t: GoType | undefined = root;
  let v: unknown = object;
  for (const seg of path) {
    if (!t) return undefined;
    if (typeof seg === "number" && t.shape === "slice") t = t.elem;
    else if (typeof seg === "string" && t.shape === "map") t = t.value;
    else if (typeof seg === "string" && t.shape === "struct") t = t.fields.get(seg)?.();
    else return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  if (!t) return undefined;
  const field = path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
  const actual = valueType(v);
  return invalid(field, actual, `${field} in body must be of type ${openAPIType(t)}: "${actual}"`);
}
