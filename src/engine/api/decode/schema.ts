/**
 * The decode schema (schema.json, written by scripts/generate-decode-schema.mjs from the Go type
 * definitions): each kind's struct, each field's Go type. Type references are strings:
 * `[]T`, `[]byte`, `map[K]V`, Go builtins (`string`, `int32`, ...), `any` (not checked), the
 * self-decoding types (`intstr.IntOrString`, `resource.Quantity`, `v1.Time`, `v1.MicroTime`,
 * `v1.Duration`) and keys of `types` (a struct, or a named type over another reference).
 */
import { kindInfo } from "../kinds";
import type { Kind } from "../types";
import data from "./schema.json";

/** A struct or a named type, as the schema file lists it. */
interface TypeEntry {
  /** How reflect prints it: `v1.ServiceSpec`. */
  go: string;
  fields?: Record<string, string>;
  /** A named type's underlying type (`v1.Protocol` is a `string`). */
  is?: string;
}

/** A type reference resolved to what decoding does with it. */
export type GoType =
  | { shape: "any" }
  | { shape: "string" | "bool" | "float"; go: string }
  | { shape: "int"; go: string; min: number; max: number }
  | { shape: "bytes"; go: string }
  | { shape: "slice"; go: string; elem: GoType }
  | { shape: "map"; go: string; value: GoType }
  | { shape: "struct"; go: string; name: string; fields: ReadonlyMap<string, () => GoType> }
  | { shape: "intOrString" | "quantity" | "time" | "duration"; go: string };

const TYPES = data.types as Record<string, TypeEntry>;

const INTS: Record<string, [number, number]> = {
  int: [-(2 ** 63), 2 ** 63 - 1],
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint: [0, 2 ** 64 - 1],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64 - 1],
};

const SPECIAL: Record<string, GoType> = {
  any: { shape: "any" },
  "intstr.IntOrString": { shape: "intOrString", go: "intstr.IntOrString" },
  "resource.Quantity": { shape: "quantity", go: "resource.Quantity" },
  "v1.Time": { shape: "time", go: "v1.Time" },
  "v1.MicroTime": { shape: "time", go: "v1.MicroTime" },
  "v1.Duration": { shape: "duration", go: "v1.Duration" },
};

/** The Go name of a reference, as reflect prints it. */
function goName(ref: string): string {
  if (ref === "[]byte") return "[]uint8";
  if (ref.startsWith("[]")) return `[]${goName(ref.slice(2))}`;
  const map = /^map\[([^\]]+)\](.+)$/.exec(ref);
  if (map) return `map[${goName(map[1]!)}]${goName(map[2]!)}`;
  return TYPES[ref]?.go ?? ref;
}

/**
 * The decode schema's types, resolved on first use and kept by the API server that owns it
 * (type graphs are recursive: a struct's fields resolve when first read).
 */
export class DecodeSchema {
  private readonly cache = new Map<string, GoType>();

  /** The resolved type of a schema reference. */
  typeOf(ref: string): GoType {
    let t = this.cache.get(ref);
    if (!t) {
      t = this.resolve(ref);
      this.cache.set(ref, t);
    }
    return t;
  }

  /** The struct a kind decodes into. */
  kindType(kind: Kind): GoType {
    return this.typeOf(kindInfo(kind).goType);
  }

  /** Resolves a reference; `display` is the Go name errors use (a named type keeps its own name). */
  private resolve(ref: string, display?: string): GoType {
    const special = SPECIAL[ref];
    if (special) return special;
    if (ref === "[]byte") return { shape: "bytes", go: display ?? "[]uint8" };
    if (ref.startsWith("[]")) {
      const elem = this.typeOf(ref.slice(2));
      return { shape: "slice", go: display ?? `[]${goName(ref.slice(2))}`, elem };
    }
    const map = /^map\[([^\]]+)\](.+)$/.exec(ref);
    if (map) {
      return {
        shape: "map",
        go: display ?? `map[${goName(map[1]!)}]${goName(map[2]!)}`,
        value: this.typeOf(map[2]!),
      };
    }
    const int = INTS[ref];
    if (int) return { shape: "int", go: display ?? ref, min: int[0], max: int[1] };
    if (ref === "string" || ref === "bool") return { shape: ref, go: display ?? ref };
    if (ref === "float32" || ref === "float64") return { shape: "float", go: display ?? ref };
    const entry = TYPES[ref];
    if (!entry) return { shape: "any" };
    if (entry.is) return this.resolve(entry.is, display ?? entry.go);
    const fields = new Map<string, () => GoType>();
    for (const [json, fieldRef] of Object.entries(entry.fields ?? {})) {
      let cached: GoType | undefined;
      fields.set(json, () => {
        cached ??= this.typeOf(fieldRef);
        return cached;
      });
    }
    return { shape: "struct", go: display ?? entry.go, name: entry.go.replace(/^.*\./, ""), fields };
  }
}
