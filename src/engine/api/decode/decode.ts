/**
 * JSON decoding into a kind's Go struct, as the API server does it (sigs.k8s.io/json, the fork of
 * encoding/json that the apimachinery JSON serializer uses): case-sensitive field names, the first
 * type error reported with its struct and field path, errors from types that decode themselves
 * ending the decode at once, and — in strict mode, which `kubectl apply` asks for by default —
 * every unknown field collected (up to 100) after a decode that otherwise succeeded.
 *
 * Keys are visited in sorted order: kubectl sends the object as JSON marshalled from a map, and
 * Go's encoding/json sorts map keys, so the server meets the fields in that order.
 *
 * The result is the object as Go would hold it: `null` leaves a field at its zero value (the key
 * is dropped), a `null` element of a list or map becomes the element type's zero value.
 */
import { goQuote, jsonKind, jsonText } from "./goText";
import type { GoType } from "./schema";
import { base64Error, durationError, quantityError, rfc3339Error } from "./special";

/** A path into the object: keys and list indices. */
export type FieldPath = readonly (string | number)[];

/** What went wrong, with where (for the editor marker and `FILE:LINE`). */
export interface DecodeFailure {
  message: string;
  path: FieldPath;
}

export interface DecodeResult {
  /** The decoded object (meaningful only when `error` is undefined). */
  object: Record<string, unknown>;
  /** A type error, or an error from a type that decodes itself: the decode failed. */
  error?: DecodeFailure;
  /** Unknown fields (strict mode only), in the order met. */
  unknown: DecodeFailure[];
}

/** Strict decoding keeps at most this many errors (sigs.k8s.io/json). */
const MAX_STRICT_ERRORS = 100;

/** Thrown inside the walk to end it, as an error returned by UnmarshalJSON ends Go's decode. */
class Abort {
  constructor(readonly failure: DecodeFailure) {}
}

interface Context {
  /** The innermost struct entered and the struct-field names from the root (encoding/json's error context). */
  struct?: string;
  fields: string[];
  /** The strict path: keys and `[i]`, as sigs.k8s.io/json writes unknown fields. */
  strict: string;
  path: (string | number)[];
}

const ZERO = Symbol("zero");

class Decoder {
  saved: DecodeFailure | undefined;
  readonly unknown: DecodeFailure[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly strict: boolean) {}

  typeError(value: string, go: string, ctx: Context): DecodeFailure {
    const where = ctx.struct !== undefined || ctx.fields.length > 0;
    const message = where
      ? `json: cannot unmarshal ${value} into Go struct field ${ctx.struct ?? ""}.${ctx.fields.join(".")} of type ${go}`
      : `json: cannot unmarshal ${value} into Go value of type ${go}`;
    return { message, path: [...ctx.path] };
  }

  save(f: DecodeFailure): typeof ZERO {
    this.saved ??= f;
    return ZERO;
  }

  value(v: unknown, t: GoType, ctx: Context): unknown {
    if (v === null || v === undefined) return this.zero(t);
    switch (t.shape) {
      case "any":
        return v;
      case "string":
        return typeof v === "string" ? v : this.save(this.typeError(jsonKind(v), t.go, ctx));
      case "bool":
        return typeof v === "boolean" ? v : this.save(this.typeError(jsonKind(v), t.go, ctx));
      case "float":
        return typeof v === "number" ? v : this.save(this.typeError(jsonKind(v), t.go, ctx));
      case "int":
        return this.int(v, t, ctx);
      case "bytes":
        if (typeof v === "string") {
          const err = base64Error(v);
          return err ? this.save({ message: err, path: [...ctx.path] }) : v;
        }
        return this.save(this.typeError(jsonKind(v), t.go, ctx));
      case "slice":
        return this.slice(v, t, ctx);
      case "map":
        return this.map(v, t, ctx);
      case "struct":
        return this.struct(v, t, ctx);
      case "intOrString":
        return this.intOrString(v, ctx);
      case "quantity": {
        const err = quantityError(jsonText(v));
        if (err) throw new Abort({ message: err, path: [...ctx.path] });
        return v;
      }
      case "time":
      case "duration": {
        if (typeof v !== "string") throw new Abort(this.typeError(jsonKind(v), "string", ctx));
        const err = t.shape === "time" ? rfc3339Error(v) : durationError(v);
        if (err) throw new Abort({ message: err, path: [...ctx.path] });
        return v;
      }
    }
  }

  /** Go's zero value, as it would be marshalled back (`undefined`: the key is dropped). */
  zero(t: GoType): unknown {
    switch (t.shape) {
      case "string":
        return "";
      case "bool":
        return false;
      case "int":
      case "float":
      case "intOrString":
        return 0;
      case "struct":
        return {};
      default:
        return undefined;
    }
  }

  int(v: unknown, t: Extract<GoType, { shape: "int" }>, ctx: Context): unknown {
    if (typeof v !== "number") return this.save(this.typeError(jsonKind(v), t.go, ctx));
    // ParseInt on the JSON text: fractions and exponents (1e+21) are not integers; then the range.
    if (!Number.isInteger(v) || Math.abs(v) >= 1e21 || v < t.min || v > t.max) {
      return this.save(this.typeError(`number ${jsonText(v)}`, t.go, ctx));
    }
    return v;
  }

  /** intstr.IntOrString's UnmarshalJSON: a string, or json.Unmarshal into its int32. */
  intOrString(v: unknown, ctx: Context): unknown {
    if (typeof v === "string") return v;
    if (typeof v !== "number") throw new Abort(this.typeError(jsonKind(v), "int32", ctx));
    if (!Number.isInteger(v) || v < -(2 ** 31) || v > 2 ** 31 - 1) {
      throw new Abort(this.typeError(`number ${jsonText(v)}`, "int32", ctx));
    }
    return v;
  }

  slice(v: unknown, t: Extract<GoType, { shape: "slice" }>, ctx: Context): unknown {
    if (!Array.isArray(v)) return this.save(this.typeError(jsonKind(v), t.go, ctx));
    return v.map((item, i) => {
      const out = this.value(item, t.elem, {
        ...ctx,
        strict: `${ctx.strict}[${i}]`,
        path: [...ctx.path, i],
      });
      return out === ZERO || out === undefined ? (this.zero(t.elem) ?? null) : out;
    });
  }

  map(v: unknown, t: Extract<GoType, { shape: "map" }>, ctx: Context): unknown {
    if (!isObject(v)) return this.save(this.typeError(jsonKind(v), t.go, ctx));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const item = this.value(v[key], t.value, {
        ...ctx,
        strict: ctx.strict ? `${ctx.strict}.${key}` : key,
        path: [...ctx.path, key],
      });
      out[key] = item === ZERO || item === undefined ? (this.zero(t.value) ?? null) : item;
    }
    return out;
  }

  struct(v: unknown, t: Extract<GoType, { shape: "struct" }>, ctx: Context): unknown {
    if (!isObject(v)) return this.save(this.typeError(jsonKind(v), t.go, ctx));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const strict = ctx.strict ? `${ctx.strict}.${key}` : key;
      const path = [...ctx.path, key];
      const field = t.fields.get(key);
      if (!field) {
        if (this.strict) this.unknownField(strict, path);
        else out[key] = v[key];
        continue;
      }
      const item = this.value(v[key], field(), {
        struct: t.name,
        fields: [...ctx.fields, key],
        strict,
        path,
      });
      if (item !== ZERO && item !== undefined) out[key] = item;
    }
    return out;
  }

  unknownField(strict: string, path: FieldPath): void {
    if (this.unknown.length >= MAX_STRICT_ERRORS || this.seen.has(strict)) return;
    this.seen.add(strict);
    this.unknown.push({ message: `unknown field ${goQuote(strict)}`, path });
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Decodes an object into a kind's struct. `strict` reports unknown fields (the API server's
 * strict field validation); without it they are kept as they are.
 */
export function decodeObject(type: GoType, object: Record<string, unknown>, strict: boolean): DecodeResult {
  const d = new Decoder(strict);
  try {
    const out = d.value(object, type, { fields: [], strict: "", path: [] });
    if (d.saved) return { object, error: d.saved, unknown: [] };
    return { object: isObject(out) ? out : {}, unknown: d.unknown };
  } catch (e) {
    if (e instanceof Abort) return { object, error: e.failure, unknown: [] };
    throw e;
  }
}
