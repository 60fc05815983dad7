import type { JSONSchema } from "monaco-yaml";
import kubernetes from "../../../../engine/api/openapi/kubernetes.json";
import { CONFIG_KINDS, type KindSchema } from "./configSchemas";

/** The shape scripts/generate-schemas.mjs writes. */
interface GeneratedSchemas {
  kinds: { apiVersion: string; kind: string; $ref: string }[];
  definitions: Record<string, JSONSchema>;
}

const generated: GeneratedSchemas = kubernetes;

const list: JSONSchema = {
  type: "object",
  description: "List holds a list of objects, which may not be known by the server.",
  required: ["apiVersion", "kind", "items"],
  properties: {
    apiVersion: { type: "string", enum: ["v1"] },
    kind: { type: "string", enum: ["List"] },
    metadata: { type: "object", description: "Standard list metadata." },
    items: { type: "array", description: "List of objects", items: { $ref: "#" } },
  },
};

/** Every kind the editor knows, in the order completion offers them. */
export const KINDS: KindSchema[] = [
  ...generated.kinds.map((k) => ({ apiVersions: [k.apiVersion], kind: k.kind, schema: { $ref: k.$ref } })),
  { apiVersions: ["v1"], kind: "List", schema: list },
  ...CONFIG_KINDS,
];

/**
 * The one schema of the editor's model. yaml-language-server validates each `---` document on its
 * own; the top level offers every apiVersion and kind, and `if kind … then` applies that kind's
 * schema, whose own `apiVersion` enum then checks the version.
 */
export function manifestSchema(): JSONSchema {
  const apiVersions = [...new Set(KINDS.flatMap((k) => k.apiVersions))];
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    required: ["apiVersion", "kind"],
    properties: {
      apiVersion: {
        type: "string",
        enum: apiVersions,
        description:
          "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
      },
      kind: {
        type: "string",
        enum: KINDS.map((k) => k.kind),
        enumDescriptions: KINDS.map((k) => k.apiVersions.join(", ")),
        description:
          "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
      },
    },
    allOf: KINDS.map((k) => ({
      if: { properties: { kind: { const: k.kind } }, required: ["kind"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
      then: k.schema,
    })),
    definitions: generated.definitions,
  };
}
