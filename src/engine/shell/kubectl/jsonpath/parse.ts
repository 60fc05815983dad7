/**
 * kubectl's JSONPath templates (`-o jsonpath=…`), parsed as client-go's
 * `util/jsonpath/parser.go` parses them: text outside `{…}` is printed as
 * it is; inside, fields (`.a.b`, `['a']`), arrays (`[0]`, `[1:3:2]`, `[*]`),
 * unions (`[0,2]`), filters (`[?(@.x=="y")]`), recursive descent (`..`),
 * wildcards (`.*`), quoted text, numbers, booleans and `range`/`end`.
 * Errors are worded as the parser words them.
 */

/** One slice bound as the parser records it. */
export interface Param {
  value: number;
  known: boolean;
  /** The end bound taken as `start + 1` (a plain index). */
  derived: boolean;
}

export interface ListNode {
  t: "list";
  nodes: Node[];
}

export type Node =
  | ListNode
  | { t: "text"; text: string }
  | { t: "field"; name: string }
  | { t: "array"; params: [Param, Param, Param] }
  | { t: "filter"; left: ListNode; right: ListNode; op: string }
  | { t: "int"; value: number }
  | { t: "float"; value: number }
  | { t: "bool"; value: boolean }
  | { t: "wildcard" }
  | { t: "recursive" }
  | { t: "union"; nodes: ListNode[] }
  | { t: "identifier"; name: string };

/** A template kubectl cannot parse; `message` is the parser's error. */
export class JsonPathSyntaxError extends Error {}

function fail(message: string): never {
  throw new JsonPathSyntaxError(message);
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const isDigit = (r: string): boolean => DIGIT.test(r);
const isAlphaNumeric = (r: string): boolean => r === "_" || LETTER.test(r) || isDigit(r);
const isSpace = (r: string): boolean => r === " " || r === "\t";
const isEndOfLine = (r: string): boolean => r === "\r" || r === "\n";
/** Where a field or identifier ends. */
const isTerminator = (r: string | undefined): boolean =>
  r === undefined || isSpace(r) || isEndOfLine(r) || ".,[]$@{}".includes(r);

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/;

/** Go's `%#U`: `U+0023 '#'`, without the quoted rune when it is not printable. */
function describeRune(r: string): string {
  const code = r.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}

class Parser {
  /** The input as runes, as Go's parser steps through it. */
  private readonly input: string[];
  private pos = 0;
  private start = 0;

  constructor(text: string) {
    this.input = Array.from(text);
  }

  parse(): ListNode {
    const root: ListNode = { t: "list", nodes: [] };
    for (;;) {
      const text = this.scanText();
      if (text !== "") root.nodes.push({ t: "text", text });
      if (this.pos >= this.input.length) return root;
      // At `{`: an action, up to its `}`.
      this.pos++;
      this.consume();
      const action: ListNode = { t: "list", nodes: [] };
      root.nodes.push(action);
      this.parseAction(action);
    }
  }

  /** Text up to the next `{` or the end. */
  private scanText(): string {
    while (this.pos < this.input.length && this.input[this.pos] !== "{") this.pos++;
    return this.consume();
  }

  private consume(): string {
    const value = this.input.slice(this.start, this.pos).join("");
    this.start = this.pos;
    return value;
  }

  private next(): string | undefined {
    return this.pos < this.input.length ? this.input[this.pos++] : undefined;
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private startsWith(prefix: string): boolean {
    const runes = Array.from(prefix);
    return runes.every((r, i) => this.input[this.pos + i] === r);
  }

  /** Inside `{…}`, up to and including its `}`. */
  private parseAction(cur: ListNode): void {
    for (;;) {
      if (this.startsWith("}")) {
        this.pos++;
        this.consume();
        return;
      }
      if (this.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (this.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === undefined || isEndOfLine(r)) fail("unclosed action");
      else if (r === " " || r === "@" || r === "$") this.consume();
      else if (r === "[") this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === ".") this.parseField(cur);
      else if (r === "+" || r === "-" || isDigit(r)) {
        this.pos--;
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.pos--;
        this.parseIdentifier(cur);
      } else fail(`unrecognized character in action: ${describeRune(r)}`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.peek())) this.pos++;
    const value = this.consume();
    if (value === "true" || value === "false") cur.nodes.push({ t: "bool", value: value === "true" });
    else cur.nodes.push({ t: "identifier", name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.t === "recursive") fail("invalid multiple recursive descent");
    this.pos += 2;
    this.consume();
    cur.nodes.push({ t: "recursive" });
    const r = this.peek();
    if (r !== undefined && isAlphaNumeric(r)) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === "+" || r === "-") this.pos++;
    for (;;) {
      const c = this.peek();
      if (c === undefined || (c !== "." && !isDigit(c))) break;
      this.pos++;
    }
    const value = this.consume();
    if (/^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) <= Number.MAX_SAFE_INTEGER)
      cur.nodes.push({ t: "int", value: Number(value) });
    else if (/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(value))
      cur.nodes.push({ t: "float", value: Number(value) });
    else fail(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === "\n") fail("unterminated array");
      if (r === "]") break;
    }
    let text = this.consume().slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      cur.nodes.push({ t: "union", nodes: parts.map((p) => parseInner(`[${trimSpaces(p)}]`)) });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseInner(`.${key[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) fail(`invalid array index ${text}`);
    const params: Param[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? "";
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") params.push({ value: 0, known: false, derived: false });
        else if (!/^[+-]?[0-9]+$/.test(v)) fail(`array index ${v} is not a number`);
        else params.push({ value: Number(v), known: true, derived: false });
      } else if (i === 1) params.push({ value: (params[0]?.value ?? 0) + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ t: "array", params: params as [Param, Param, Param] });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === undefined || r === "\n") fail("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.next() !== "]") fail("unclosed array expect ]");
    const text = this.consume().slice(0, -2);
    const m = COMPARISON.exec(text);
    if (!m)
      cur.nodes.push({ t: "filter", left: parseInner(text), right: { t: "list", nodes: [] }, op: "exists" });
    else
      cur.nodes.push({
        t: "filter",
        left: parseInner(m[1] as string),
        right: parseInner(m[3] as string),
        op: m[2] as string,
      });
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === "\n") fail("unterminated quoted string");
      if (r === quote && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consume();
    const text = unquote(value);
    if (text === undefined) fail(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ t: "text", text: text as string });
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === "\\") this.next();
      else if (isTerminator(r)) {
        if (r !== undefined) this.pos--;
        break;
      }
    }
    const value = this.consume();
    if (value === "*") cur.nodes.push({ t: "wildcard" });
    else cur.nodes.push({ t: "field", name: value.replaceAll("\\", "") });
  }
}

const trimSpaces = (s: string): string => s.replace(/^ +| +$/g, "");

/** An expression inside brackets or a filter, parsed as an action of its own (client-go's `parseAction`). */
function parseInner(text: string): ListNode {
  return new Parser(`{${text}}`).parse().nodes[0] as ListNode;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};

/**
 * A quoted string's text as Go's `strconv.UnquoteChar` reads it (double or
 * single quotes alike), or undefined where it reports invalid syntax.
 */
function unquote(s: string): string | undefined {
  const runes = Array.from(s);
  const quote = runes[0];
  if (runes.length < 2 || runes.at(-1) !== quote) return undefined;
  const body = runes.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === quote) return undefined;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === quote) out += e;
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n).join("");
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      const code = Number.parseInt(hex, 16);
      if (e !== "x" && (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) return undefined;
      out += String.fromCodePoint(code);
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3).join("");
      if (!/^[0-7]{3}$/.test(oct) || Number.parseInt(oct, 8) > 255) return undefined;
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  return out;
}

/** Parses a template, throwing `JsonPathSyntaxError` with client-go's message. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse();
}
