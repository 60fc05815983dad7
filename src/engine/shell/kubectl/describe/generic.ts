/**
 * kubectl's `genericDescriber`, for kinds without a describer of their own
 * (Lease): the object's fields as they come, keys sorted, names made readable
 * (`holderIdentity` → `Holder Identity`).
 */
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

type Fields = Record<string, unknown>;

const SKIP = new Set([
  ".metadata.managedFields",
  ".metadata.name",
  ".metadata.namespace",
  ".metadata.labels",
  ".metadata.annotations",
]);
const ACRONYMS = new Set(["API", "URL", "UID", "OSB", "GUID"]);

function charClass(c: string): number {
  if (/\p{Ll}/u.test(c)) return 1;
  if (/\p{Lu}/u.test(c)) return 2;
  if (/\p{Nd}/u.test(c)) return 3;
  return 4;
}

/** fatih/camelcase `Split`: runs of one character class, an upper-case run giving its last letter to a lower-case run. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const c of src) {
    const cls = charClass(c);
    if (cls === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i]!;
    const b = runs[i + 1]!;
    if (charClass(a[0]!) === 2 && charClass(b[0]!) === 1) {
      b.unshift(a.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

/** `smartLabelFor`. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== "-")) return field;
  return camelcaseSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

/** Go's `%v` for a value decoded from JSON into an interface{}. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v as Fields).sort();
    return `map[${keys.map((k) => `${k}:${goValue((v as Fields)[k])}`).join(" ")}]`;
  }
  return String(v);
}

/** `printUnstructuredContent`. */
function writeContent(w: PrefixWriter, level: number, content: Fields, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === undefined) continue;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      writeContent(w, level + 1, value as Fields, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child))
          writeContent(w, level + 1, child as Fields, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** `kubectl describe` of an object of a kind kubectl has no describer for; `object` as the API serves it. */
export function describeGeneric(object: Fields & { metadata: { name: string; namespace?: string } }): string {
  const w = new PrefixWriter();
  const meta = object.metadata as {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ""}\n`);
  writeLabels(w, "Labels", meta.labels);
  writeAnnotations(w, meta.annotations);
  writeContent(w, 0, object, "");
  writeEvents(w);
  return w.toString();
}
