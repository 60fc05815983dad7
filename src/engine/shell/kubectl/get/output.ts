import { Document, parse, visit } from "yaml";
import type { AnyObject } from "../../../api/types";
import { kindPrefix, type ResourceType } from "../resources";

/**
 * Keys sorted at every level: kubectl decodes objects into unstructured maps,
 * and Go marshals maps in key order, so `-o yaml`/`-o json` are alphabetical.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The object as the API returns it, with apiVersion and kind filled in. */
export function wireObject(t: ResourceType, obj: AnyObject): Record<string, unknown> {
  return { ...(obj as unknown as Record<string, unknown>), apiVersion: t.apiVersion, kind: t.kind };
}

function listOf(items: Record<string, unknown>[]): Record<string, unknown> {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

/** Could the first character start a YAML 1.1 null, bool, number or timestamp? */
const MAYBE_TYPED = /^$|^[-+.0-9~nNyYtTfFoO]/;

/** True when a plain scalar of this text would not read back as a string (YAML 1.1). */
function resolvesAsNonString(text: string): boolean {
  if (!MAYBE_TYPED.test(text)) return false;
  try {
    return typeof parse(text, { schema: "yaml-1.1" }) !== "string";
  } catch {
    return false;
  }
}

/**
 * `-o yaml`: sigs.k8s.io/yaml (go-yaml v2) style: sequences not indented
 * under their key; a string that would read back as another type (a
 * timestamp, `"True"`, `"80"`) double-quoted, any other string that cannot be
 * plain single-quoted (`'containers with unready status: [api]'`).
 */
export function toYaml(items: Record<string, unknown>[], single: boolean): string {
  const doc = new Document(sortKeys(single && items.length === 1 ? items[0] : listOf(items)), {
    schema: "yaml-1.1",
  });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && resolvesAsNonString(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0, singleQuote: true });
}

/** `-o json`: Go's MarshalIndent with four spaces. */
export function toJson(items: Record<string, unknown>[], single: boolean): string {
  const doc = single && items.length === 1 ? items[0] : listOf(items);
  return `${JSON.stringify(sortKeys(doc), null, 4)}\n`;
}

/** `-o name`: `service/web`. */
export function toName(t: ResourceType, obj: AnyObject): string {
  return `${kindPrefix(t)}/${obj.metadata.name}\n`;
}
