/**
 * Values as kubectl's JSONPath engine sees them: an object decoded into
 * Go's unstructured form (maps, `[]interface {}`, strings, bools, nil,
 * whole numbers as int64 and others as float64), and how Go's fmt prints
 * them (`%v`, `%#v`) and names their types in errors.
 */

import { sortedJSON } from "../../../api/objects";

/** A float64 written in the template (`{1.0}`): a float even when whole. */
export class GoFloat {
  constructor(readonly value: number) {}
}

export type GoKind = "nil" | "bool" | "int" | "float" | "string" | "slice" | "map";

export function kindOf(v: unknown): GoKind {
  if (v === null || v === undefined) return "nil";
  if (v instanceof GoFloat) return "float";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "string":
      return "string";
  }
  return Array.isArray(v) ? "slice" : "map";
}

/** The Go type `%v` of `value.Type()` prints. */
export function typeName(v: unknown): string {
  const names: Record<GoKind, string> = {
    nil: "interface {}",
    bool: "bool",
    int: "int64",
    float: "float64",
    string: "string",
    slice: "[]interface {}",
    map: "map[string]interface {}",
  };
  return names[kindOf(v)];
}

export const numberOf = (v: unknown): number => (v instanceof GoFloat ? v.value : (v as number));

/** fmt's `%v` of a float64 (strconv's 'g' with the shortest digits): %e form when the exponent is < -4 or ≥ 6. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, e] = x.toExponential().split("e") as [string, string];
  const exp = Number(e);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  // The shortest form decides with a precision of 6.
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const abs = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${abs < 10 ? `0${abs}` : abs}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** fmt's `%v` of a scalar or a container (`map[a:1 b:x]`, `[1 2]`). */
export function formatV(v: unknown): string {
  switch (kindOf(v)) {
    case "nil":
      return "<nil>";
    case "bool":
      return String(v);
    case "int":
      return String(v);
    case "float":
      return formatFloat(numberOf(v));
    case "string":
      return v as string;
    case "slice":
      return `[${(v as unknown[]).map(formatV).join(" ")}]`;
    default: {
      const m = v as Record<string, unknown>;
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${formatV(m[k])}`)
        .join(" ")}]`;
    }
  }
}

/** fmt's `%#v` (Go syntax), as kubectl prints the object in an execution error. */
export function formatSharpV(v: unknown, top = true): string {
  switch (kindOf(v)) {
    case "nil":
      return top ? "<nil>" : "interface {}(nil)";
    case "string":
      return goQuote(v as string);
    case "slice":
      return `[]interface {}{${(v as unknown[]).map((x) => formatSharpV(x, false)).join(", ")}}`;
    case "map": {
      const m = v as Record<string, unknown>;
      return `map[string]interface {}{${sortedKeys(m)
        .map((k) => `${goQuote(k)}:${formatSharpV(m[k], false)}`)
        .join(", ")}}`;
    }
    default:
      return formatV(v);
  }
}

/** Keys of an unstructured map that hold a value, in byte order (Go's fmt sorts map keys). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort();
}

/** strconv.Quote for the printable text objects hold. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** json.Marshal of a value (maps with sorted keys, HTML-safe). */
export function marshal(v: unknown): string {
  return sortedJSON(v instanceof GoFloat ? v.value : v);
}
