/**
 * JSON patch (RFC 6902) as evanphx/json-patch v4 applies it — the library both kubectl and
 * the API server use — with its quirks (a `replace` of a missing object key adds it, negative
 * array indices count from the end) and its error messages.
 */
import { clone, isMap, type Json, PatchError } from "./strategic";

type Container = Json[] | { [key: string]: Json };

/** pkg/errors' `Wrapf`: `message: cause`. */
const wrap = (message: string, cause: string) => new PatchError(`${message}: ${cause}`);
const MISSING = "missing value";

function decodeKey(key: string): string {
  return key.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The container holding the path's last element, and that element's key. */
function findObject(doc: Container, path: string): { con: Container; key: string } | undefined {
  const split = path.split("/");
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    const next = get(cur, decodeKey(part));
    if (next instanceof PatchError || next === undefined || next === null || typeof next !== "object")
      return undefined;
    cur = next;
  }
  return { con: cur, key: decodeKey(split[split.length - 1] as string) };
}

/** Go's strconv.Atoi. */
function atoi(key: string): number | PatchError {
  if (!/^[+-]?\d+$/.test(key)) return new PatchError(`strconv.Atoi: parsing "${key}": invalid syntax`);
  return Number(key);
}

function index(key: string, size: number): number | PatchError {
  const idx = atoi(key);
  if (idx instanceof PatchError) return idx;
  if (idx < -size) return wrap(`Unable to access invalid index: ${idx}`, "invalid index referenced");
  return idx < 0 ? idx + size : idx;
}

function get(con: Container, key: string): Json | undefined | PatchError {
  if (!Array.isArray(con)) return con[key];
  const idx = index(key, con.length);
  if (idx instanceof PatchError) return idx;
  if (idx >= con.length) return wrap(`Unable to access invalid index: ${idx}`, "invalid index referenced");
  return con[idx];
}

function add(con: Container, key: string, value: Json): PatchError | undefined {
  if (!Array.isArray(con)) {
    con[key] = value;
    return undefined;
  }
  if (key === "-") {
    con.push(value);
    return undefined;
  }
  const raw = atoi(key);
  if (raw instanceof PatchError) return wrap(`value was not a proper array index: '${key}'`, raw.message);
  if (raw >= con.length + 1)
    return wrap(`Unable to access invalid index: ${raw}`, "invalid index referenced");
  const idx = index(key, con.length + 1);
  if (idx instanceof PatchError) return idx;
  con.splice(idx, 0, value);
  return undefined;
}

function remove(con: Container, key: string): PatchError | undefined {
  if (!Array.isArray(con)) {
    if (!(key in con)) return wrap(`Unable to remove nonexistent key: ${key}`, MISSING);
    delete con[key];
    return undefined;
  }
  const raw = atoi(key);
  if (raw instanceof PatchError) return raw;
  if (raw >= con.length) return wrap(`Unable to access invalid index: ${raw}`, "invalid index referenced");
  const idx = index(key, con.length);
  if (idx instanceof PatchError) return idx;
  con.splice(idx, 1);
  return undefined;
}

function field(op: { [key: string]: Json }, name: "path" | "from"): string | PatchError {
  const v = op[name];
  if (v === undefined || v === null)
    return wrap(name === "path" ? "operation missing path field" : "operation, missing from field", MISSING);
  if (typeof v !== "string")
    return new PatchError(`json: cannot unmarshal ${jsonType(v)} into Go value of type string`);
  return v;
}

function jsonType(v: Json): string {
  return Array.isArray(v) ? "array" : v === null ? "null" : typeof v === "object" ? "object" : typeof v;
}

/** Decodes a patch document as `jsonpatch.DecodePatch` does (into `[]Operation`). */
export function decodeJsonPatch(patch: Json): { [key: string]: Json }[] {
  if (!Array.isArray(patch))
    throw new PatchError(`json: cannot unmarshal ${jsonType(patch)} into Go value of type jsonpatch.Patch`);
  for (const op of patch)
    if (op !== null && !isMap(op))
      throw new PatchError(
        `json: cannot unmarshal ${jsonType(op)} into Go value of type jsonpatch.Operation`,
      );
  return patch.filter(isMap);
}

/** Applies a JSON patch to a copy of `doc`. Throws PatchError with the library's message. */
export function applyJsonPatch(doc: Json, ops: readonly { [key: string]: Json }[]): Json {
  const root = { doc: clone(doc) };
  for (const op of ops) {
    const err = applyOne(root, op);
    if (err) throw err;
  }
  return root.doc;
}

function applyOne(root: { doc: Json }, op: { [key: string]: Json }): PatchError | undefined {
  const kind = typeof op.op === "string" ? op.op : "unknown";
  const doc = root.doc as Container;
  const value = op.value === undefined ? null : clone(op.value);
  switch (kind) {
    case "add":
    case "remove": {
      const path = field(op, "path");
      if (path instanceof PatchError) return wrap(`${kind} operation failed to decode path`, MISSING);
      const at = findObject(doc, path);
      if (!at) return wrap(`${kind} operation does not apply: doc is missing path: "${path}"`, MISSING);
      const err = kind === "add" ? add(at.con, at.key, value) : remove(at.con, at.key);
      return err ? wrap(`error in ${kind} for path: '${path}'`, err.message) : undefined;
    }
    case "replace": {
      const path = field(op, "path");
      if (path instanceof PatchError) return wrap("replace operation failed to decode path", path.message);
      if (path === "") {
        if (typeof value !== "object" || value === null) return undefined;
        root.doc = value;
        return undefined;
      }
      const at = findObject(doc, path);
      if (!at) return wrap(`replace operation does not apply: doc is missing path: ${path}`, MISSING);
      if (get(at.con, at.key) instanceof PatchError)
        return wrap(`replace operation does not apply: doc is missing key: ${path}`, MISSING);
      if (Array.isArray(at.con)) at.con[index(at.key, at.con.length) as number] = value;
      else at.con[at.key] = value;
      return undefined;
    }
    case "move":
    case "copy": {
      const from = field(op, "from");
      if (from instanceof PatchError) return wrap(`${kind} operation failed to decode from`, from.message);
      const src = findObject(doc, from);
      if (!src) return wrap(`${kind} operation does not apply: doc is missing from path: ${from}`, MISSING);
      const val = get(src.con, src.key);
      const where =
        kind === "move" ? `error in move for path: '${src.key}'` : `error in copy for from: '${from}'`;
      if (val instanceof PatchError) return wrap(where, val.message);
      if (kind === "move") {
        const err = remove(src.con, src.key);
        if (err) return wrap(where, err.message);
      }
      const path = field(op, "path");
      if (path instanceof PatchError)
        return kind === "move"
          ? wrap("move operation failed to decode path", path.message)
          : wrap("copy operation failed to decode path", MISSING);
      const dst = findObject(doc, path);
      if (!dst)
        return wrap(`${kind} operation does not apply: doc is missing destination path: ${path}`, MISSING);
      const err = add(dst.con, dst.key, kind === "copy" ? clone(val ?? null) : (val ?? null));
      if (!err) return undefined;
      return kind === "move"
        ? wrap(`error in move for path: '${path}'`, err.message)
        : wrap("error while adding value during copy", err.message);
    }
    case "test": {
      const path = field(op, "path");
      if (path instanceof PatchError) return wrap("test operation failed to decode path", path.message);
      const failed = wrap(`testing value ${path} failed`, "test failed");
      if (path === "")
        return JSON.stringify(canonical(doc)) === JSON.stringify(canonical(value)) ? undefined : failed;
      const at = findObject(doc, path);
      if (!at) return wrap(`test operation does not apply: is missing path: ${path}`, MISSING);
      const val = get(at.con, at.key);
      if (val instanceof PatchError) return wrap(`error in test for path: '${path}'`, val.message);
      if (val === undefined) return op.value === null || op.value === undefined ? undefined : failed;
      return JSON.stringify(canonical(val)) === JSON.stringify(canonical(value)) ? undefined : failed;
    }
    default:
      return new PatchError(`Unexpected kind: ${kind}`);
  }
}

/** Objects with sorted keys, so equal documents compare equal. */
function canonical(v: Json): Json {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isMap(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical(v[k] as Json)]),
  );
}
