/**
 * kubectl 1.32's `explain` output: the `plaintext` template of `pkg/explain/v2/templates`,
 * step for step (find the GVK among the document's paths, follow the field path through
 * `$ref`, `items`, `additionalProperties` and `allOf`, then DESCRIPTION and FIELDS), with
 * its helpers (`typeGuess`, `extractEnum`, go-wordwrap's `wrap`, sprig-like `indent`).
 */
import type { OpenAPIObject, OpenAPIValue } from "./openapi";

/** What the template is rendered with. */
export interface ExplainRequest {
  document: OpenAPIObject;
  group: string;
  version: string;
  resource: string;
  fieldPath: string[];
  recursive: boolean;
}

/**
 * A failure the template throws (`throw "error: field \"%v\" does not exist"`), with what it
 * had already written to stdout (the KIND and VERSION lines).
 */
export class ExplainError extends Error {
  constructor(
    message: string,
    readonly written = "",
  ) {
    super(message);
  }
}

type Schema = OpenAPIObject;

function obj(v: OpenAPIValue | undefined): Schema | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
}

/** The template's `resolveRef`: a `#/…` fragment looked up in the document. */
function resolveRef(ref: OpenAPIValue | undefined, doc: Schema): Schema | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  let cur: Schema | undefined = doc;
  for (const k of ref.slice(1).split("/")) {
    if (k === "") continue;
    cur = obj(cur?.[k]);
    if (!cur) return undefined;
  }
  return cur;
}

const mapValue = (s: Schema) => obj(s.additionalProperties);

/** mitchellh/go-wordwrap v1.0.1 `WrapString`: breaks at white space, counting runes. */
export function wrap(text: string, lim: number): string {
  let buf = "";
  let current = 0;
  let word = "";
  let space = "";
  const len = (s: string) => [...s].length;
  for (const ch of text) {
    if (ch === "\n") {
      if (word === "") {
        if (current + len(space) <= lim) buf += space;
      } else buf += space + word;
      space = "";
      word = "";
      buf += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== "\u00a0") {
      if (space === "" || word !== "") {
        current += len(space) + len(word);
        buf += space + word;
        space = "";
        word = "";
      }
      space += ch;
    } else {
      word += ch;
      if (current + len(space) + len(word) > lim && len(word) < lim) {
        buf += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (word === "") {
    if (current + len(space) <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** The template's `indent`: the pad before the text and after every newline. */
function indent(amount: number, text: string): string {
  const pad = " ".repeat(amount);
  return pad + text.replace(/\n/g, `\n${pad}`);
}

/** `typeGuess`: `string`, `Object`, `[]ServicePort`, `map[string]string`, `IntOrString`. */
function typeGuess(s: Schema, doc: Schema): string {
  const items = obj(s.items);
  if (items) return `[]${typeGuess(items, doc)}`;
  const ap = mapValue(s);
  if (ap) return `map[string]${typeGuess(ap, doc)}`;
  const allOf = Array.isArray(s.allOf) ? s.allOf : undefined;
  if (allOf && !s.properties && allOf.length === 1 && obj(allOf[0]))
    return typeGuess(obj(allOf[0]) as Schema, doc);
  if (typeof s.$ref === "string" && s.$ref !== "") {
    const target = resolveRef(s.$ref, doc);
    if (!target?.type || target.type === "object") {
      const name = s.$ref.split("/").pop() ?? "";
      return name.split(".").pop() || "Object";
    }
    return String(target.type);
  }
  if (s.type === "object") return "Object";
  return typeof s.type === "string" && s.type !== "" ? s.type : "Object";
}

/** `extractEnum`: `enum: a, b, c, d, ....` under a field, or `ENUM:` with one value a line. */
function extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!Array.isArray(s.enum) || s.enum.length === 0) return "";
  let out = longView ? "ENUM:" : `\n${" ".repeat(indentAmount)}enum: `;
  for (const [i, v] of s.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ", ....";
      break;
    }
    if (i > 0 && !longView) out += ", ";
    else if (longView) out += "\n    ";
    out += v === "" ? '""' : String(v);
  }
  return out;
}

/** `description`: a schema's own description, then those of what it is made of. */
function description(s: Schema, doc: Schema): string {
  const r = resolveRef(s.$ref, doc) ?? s;
  let out = typeof r.description === "string" && r.description !== "" ? `${r.description}\n` : "";
  for (const sub of Array.isArray(r.allOf) ? r.allOf : [])
    if (obj(sub)) out += description(obj(sub) as Schema, doc);
  if (obj(r.items)) out += description(obj(r.items) as Schema, doc);
  const ap = mapValue(r);
  if (ap) out += description(ap, doc);
  return out;
}

interface Walk {
  doc: Schema;
  recursive: boolean;
  history: ReadonlySet<string>;
}

/** `fieldDetail`: one field's line (and, unless recursive, its wrapped description). */
function fieldDetail(name: string, owner: Schema, short: boolean, level: number, doc: Schema): string {
  const amount = level * 2;
  const field = obj(obj(owner.properties)?.[name]) ?? {};
  const required = Array.isArray(owner.required) && owner.required.includes(name);
  let out = `${indent(amount, name)}\t<${typeGuess(field, doc)}>${required ? " -required-" : ""}`;
  out += `${extractEnum(field, false, 4, amount)}\n`;
  if (!short) {
    const text =
      typeof field.description === "string" && field.description !== ""
        ? field.description
        : "<no description>";
    out += `${indent(amount + 2, wrap(text, 78 - amount))}\n\n`;
  }
  return out;
}

/** `fieldList`: every field of a schema, following refs, with cycles cut. */
function fieldList(s: Schema, level: number, w: Walk): string {
  const ref = typeof s.$ref === "string" ? s.$ref : "";
  if (ref !== "" && w.history.has(ref)) return "";
  const next: Walk = { ...w, history: new Set([...w.history, ref]) };
  const r = resolveRef(ref, w.doc) ?? s;
  let out = "";
  const props = obj(r.properties) ?? {};
  for (const k of Object.keys(props).sort()) {
    out += fieldDetail(k, r, w.recursive, level, w.doc);
    if (w.recursive) out += fieldList(obj(props[k]) ?? {}, level + 1, next);
  }
  for (const sub of Array.isArray(r.allOf) ? r.allOf : [])
    if (obj(sub)) out += fieldList(obj(sub) as Schema, level, next);
  if (obj(r.items)) out += fieldList(obj(r.items) as Schema, level, next);
  const ap = mapValue(r);
  if (ap) out += fieldList(ap, level, next);
  return out;
}

/** `output`: follows the field path, then prints FIELD (for a path), DESCRIPTION and FIELDS. */
function output(s: Schema, path: readonly string[], w: Walk): string {
  const ref = typeof s.$ref === "string" ? s.$ref : "";
  const next: Walk = { ...w, history: new Set([...w.history, ref]) };
  const r = resolveRef(ref, w.doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrap(description(r, w.doc) || "<empty>", 76))}\n`;
    const fields = fieldList(r, 1, { ...w, history: new Set() });
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref !== "" && w.history.has(ref)) return "";
  const first = path[0] as string;
  const sub = obj(obj(r.properties)?.[first]);
  if (sub) {
    let out = "";
    if (path.length === 1)
      out += `FIELD: ${first} <${typeGuess(sub, w.doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, path.slice(1), { ...next, history: new Set() });
  }
  if (obj(r.items)) return output(obj(r.items) as Schema, path, next);
  const ap = mapValue(r);
  if (ap) return output(ap, path, next);
  for (const alt of Array.isArray(r.allOf) ? r.allOf : []) {
    const out = obj(alt) ? output(obj(alt) as Schema, path, next) : "";
    if (out) return out;
  }
  return "";
}

function sameGvk(a: OpenAPIValue, b: Schema): boolean {
  const x = obj(a);
  return (
    !!x && x.group === b.group && x.kind === b.kind && x.version === b.version && Object.keys(x).length === 3
  );
}

/** The whole `plaintext` template. Throws ExplainError with the template's message. */
export function renderExplain(req: ExplainRequest): string {
  const { document: doc, group, version, resource } = req;
  const prefix = group ? `/apis/${group}` : "/api";
  const searches = [
    [prefix, version, resource],
    [prefix, version, resource, "{name}"],
    [prefix, version, "namespaces", "{namespace}", resource],
    [prefix, version, "namespaces", "{namespace}", resource, "{name}"],
  ].map((parts) => parts.join("/"));
  let gvk: Schema | undefined;
  for (const p of searches) {
    const element = obj(obj(doc.paths)?.[p]);
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      gvk ??= obj(obj(element?.[method])?.["x-kubernetes-group-version-kind"]);
    }
    if (gvk) break;
  }
  if (!gvk)
    throw new ExplainError(
      `error: GVR (${group}/${version}, Resource=${resource}) not found in OpenAPI schema`,
    );
  let out = gvk.group ? `GROUP:      ${String(gvk.group)}\n` : "";
  out += `KIND:       ${String(gvk.kind)}\nVERSION:    ${String(gvk.version)}\n\n`;
  const schemas = obj(obj(doc.components)?.schemas) ?? {};
  const found = Object.keys(schemas)
    .sort()
    .map((k) => obj(schemas[k]) as Schema)
    .find((s) => {
      const list = s["x-kubernetes-group-version-kind"];
      return Array.isArray(list) && list.some((g) => sameGvk(g, gvk as Schema));
    });
  if (!found)
    throw new ExplainError(
      `error: GVK map[group:${String(gvk.group)} kind:${String(gvk.kind)} version:${String(gvk.version)}] not found in OpenAPI schema`,
      out,
    );
  const body = output(found, req.fieldPath, { doc, recursive: req.recursive, history: new Set() });
  if (!body)
    throw new ExplainError(`error: field "${req.fieldPath[req.fieldPath.length - 1]}" does not exist`, out);
  return `${out}${body}\n`;
}
