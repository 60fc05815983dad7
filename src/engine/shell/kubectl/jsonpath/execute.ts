/**
 * Runs a parsed JSONPath template over an object as client-go's
 * `util/jsonpath/jsonpath.go` does, with kubectl's settings (missing keys
 * print nothing), and prints the results as its `PrintResults` does: the
 * values of one expression joined by spaces, maps and lists as JSON,
 * everything else as Go's fmt prints it.
 *
 * NOTE: Go visits a map's entries (`.*`, `..`) in random order; here they
 * come in key order.
 */

import { formatFloat, formatV, GoFloat, kindOf, marshal, numberOf, sortedKeys, typeName } from "./goValues";
import type { ListNode, Node, Param } from "./parse";

/** A template that fails on this object; `message` is client-go's error. */
export class JsonPathExecError extends Error {}

function fail(message: string): never {
  throw new JsonPathExecError(message);
}

/** A value, or the absence of one (Go's invalid `reflect.Value`: a range over nothing). */
type Values = unknown[];
const NOTHING = Symbol("nothing");
/** How Go prints the absent value. */
const INVALID = "<invalid reflect.Value>";

const isContainer = (v: unknown): boolean => {
  const k = kindOf(v);
  return k === "map" || k === "slice";
};

class Executor {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;

  constructor(
    private readonly nodes: readonly Node[],
    private readonly allowMissingKeys: boolean,
  ) {}

  /** client-go's `FindResults` over the top-level nodes from `from`. */
  findResults(data: unknown, from = 0): Values[] {
    const cur: Values = [data];
    const full: Values[] = [];
    for (let i = from; i < this.nodes.length; i++) {
      const results = this.walk(cur, this.nodes[i] as Node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, i + 1));
        else this.findResults(NOTHING, i + 1);
        this.inRange--;
        // Resume after the `end` that closed this range.
        for (let k = i + 1; k < this.nodes.length; k++)
          if (k === this.lastEnd) {
            i = k;
            break;
          }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Values, node: Node): Values {
    switch (node.t) {
      case "list":
        return this.evalList(input, node);
      case "text":
        return [node.text];
      case "field":
        return this.evalField(input, node.name);
      case "array":
        return this.evalArray(input, node.params);
      case "filter":
        return this.evalFilter(input, node.left, node.right, node.op);
      case "int":
        return input.map(() => node.value);
      case "float":
        return input.map(() => new GoFloat(node.value));
      case "bool":
        return input.map(() => node.value);
      case "wildcard":
        return input.flatMap(children);
      case "recursive":
        return this.evalRecursive(input);
      case "union":
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case "identifier":
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Values, list: ListNode): Values {
    let cur = input;
    for (const node of list.nodes) cur = this.walk(cur, node);
    return cur;
  }

  private evalIdentifier(input: Values, name: string): Values {
    if (name === "range") {
      this.beginRange++;
      return input;
    }
    if (name === "end") {
      if (this.inRange === 0) fail("not in range, nothing to end");
      this.endRange++;
      return [];
    }
    return fail(`unrecognized identifier ${name}`);
  }

  private evalField(input: Values, name: string): Values {
    if (input.length === 0) return [];
    const out: Values = [];
    for (const v of input) {
      if (kindOf(v) !== "map" || v === NOTHING) continue;
      const m = v as Record<string, unknown>;
      if (Object.hasOwn(m, name) && m[name] !== undefined) out.push(m[name]);
    }
    if (out.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`);
    return out;
  }

  private evalArray(input: Values, params: readonly Param[]): Values {
    const out: Values = [];
    for (const v of input) {
      if (v === null) continue;
      if (v === NOTHING) fail(`${INVALID} is not array or slice`);
      if (kindOf(v) !== "slice") fail(`${typeName(v)} is not array or slice`);
      const list = v as unknown[];
      const len = list.length;
      let start = params[0]?.known ? (params[0].value as number) : 0;
      if (start < 0) start += len;
      const p1 = params[1] as Param;
      let end = p1.known ? p1.value : len;
      if (end < 0 || (end === 0 && p1.derived)) end += len;
      if (end === start) return out;
      if (start >= len || start < 0) fail(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) fail(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) fail(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2]?.known) {
        if (params[2].value <= 0) fail("step must be > 0");
        step = params[2].value;
      }
      for (let i = start; i < end; i += step) out.push(list[i]);
    }
    return out;
  }

  private evalRecursive(input: Values): Values {
    const out: Values = [];
    for (const v of input) {
      const kids = children(v);
      if (kids.length === 0) continue;
      out.push(v, ...this.evalRecursive(kids));
    }
    return out;
  }

  private evalFilter(input: Values, left: ListNode, right: ListNode, op: string): Values {
    const out: Values = [];
    for (const v of input) {
      if (v === NOTHING || kindOf(v) !== "slice")
        fail(`${v === NOTHING ? INVALID : formatV(v)} is not array or slice and cannot be filtered`);
      for (const item of v as unknown[]) {
        if (op === "exists") {
          let lefts: Values = [];
          try {
            lefts = this.evalList([item], left);
          } catch (e) {
            if (!(e instanceof JsonPathExecError)) throw e;
          }
          if (lefts.length > 0) out.push(item);
          continue;
        }
        const lefts = this.evalList([item], left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail("can only compare one element at a time");
        const rights = this.evalList([item], right);
        if (rights.length === 0) continue;
        if (rights.length > 1) fail("can only compare one element at a time");
        if (compare(lefts[0], rights[0], op)) out.push(item);
      }
    }
    return out;
  }
}

/** A container's elements (a map's values, a list's items, a string's bytes). */
function children(v: unknown): Values {
  switch (kindOf(v)) {
    case "map": {
      if (v === NOTHING) return [];
      const m = v as Record<string, unknown>;
      return sortedKeys(m).map((k) => m[k]);
    }
    case "slice":
      return [...(v as unknown[])];
    case "string":
      return utf8Bytes(v as string);
    default:
      return [];
  }
}

/** A string's UTF-8 bytes (Go indexes a string by byte). */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** The forked text/template comparisons: both sides of one basic kind. */
function compare(a: unknown, b: unknown, op: string): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const basic = (k: string) => k === "bool" || k === "int" || k === "float" || k === "string";
  if (!basic(ka) || !basic(kb)) fail("invalid type for comparison");
  if (ka !== kb) fail("incompatible types for comparison");
  const x = ka === "float" ? numberOf(a) : (a as number | string | boolean);
  const y = kb === "float" ? numberOf(b) : (b as number | string | boolean);
  const eq = x === y;
  const less = (): boolean => {
    if (ka === "bool") fail("invalid type for comparison");
    return x < y;
  };
  switch (op) {
    case "==":
      return eq;
    case "!=":
      return !eq;
    case "<":
      return less();
    case "<=":
      return less() || eq;
    case ">":
      return !(less() || eq);
    case ">=":
      return !less();
  }
  return fail(`unrecognized filter operator ${op}`);
}

/** json.MarshalIndent with four spaces (keys sorted, HTML-safe). */
function marshalIndent(values: Values): string {
  const sorted = JSON.parse(marshal(values.map((v) => (v instanceof GoFloat ? v.value : v))));
  return JSON.stringify(sorted, null, 4).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** One value as `PrintResults` writes it. */
function printValue(v: unknown): string {
  if (isContainer(v)) return marshal(v);
  if (kindOf(v) === "float") return formatFloat(numberOf(v));
  return formatV(v);
}

/** client-go's `FindResults`: each top-level expression's values (missing keys allowed). */
export function findResults(template: ListNode, data: unknown): unknown[][] {
  return new Executor(template.nodes, true).findResults(data);
}

/**
 * The template's output for `data`: what `JSONPath.Execute` writes, or in
 * JSON (`jsonpath-as-json`), each expression's values as an indented array.
 */
export function executeJsonPath(template: ListNode, data: unknown, asJson = false): string {
  const results = findResults(template, data);
  let out = "";
  for (const group of results) {
    if (asJson) {
      out += `${marshalIndent(group)}\n`;
      continue;
    }
    out += group.map(printValue).join(" ");
  }
  return out;
}
