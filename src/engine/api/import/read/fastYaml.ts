/**
 * A fast reader for block YAML as kubectl writes it (go-yaml v2 through sigs.k8s.io/yaml): block
 * mappings; block sequences, at their key's indentation or deeper; plain, single- and
 * double-quoted scalars over one or more lines (go-yaml folds long ones at 80 columns); literal
 * block scalars with their chomping and indentation indicators; `{}` and `[]`; comments.
 *
 * For everything it reads it gives the values the `yaml` package gives under kubectl's rules
 * (`readYaml.test.ts` holds the two to that). Anything else — anchors, aliases, tags, flow
 * collections with content, folded scalars, tabs in indentation, anything malformed — throws
 * `Unsupported`, and the caller reads that part with the `yaml` package, which also words errors.
 * The text has `\n` line ends (the caller normalizes `\r\n`).
 */
import { type PlainScalars, Unsupported } from "./yamlScalars";

const NL = 10;
const SP = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const SQ = 39;
const DQ = 34;

/** Where one item of a marked sequence starts, and whether it was read or must be read again. */
export interface ItemMark {
  /** Offset of the line holding the item's `-`. */
  start: number;
  /** Offset just past the item's last line. */
  end: number;
  /** 1-based line of the `-`. */
  line: number;
  /** False when the fast reader gave up on this item (its value is a placeholder). */
  read: boolean;
}

/** The top-level sequence whose items are marked: the value of this key of the document's mapping. */
const MARKED_KEY = "items";

/** Characters that cannot start a plain scalar in block context (YAML's c-indicator). */
function isIndicator(ch: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ `
  return (
    ch === 44 ||
    ch === 91 ||
    ch === 93 ||
    ch === 123 ||
    ch === 125 ||
    ch === 35 ||
    ch === 38 ||
    ch === 42 ||
    ch === 33 ||
    ch === 124 ||
    ch === 62 ||
    ch === 39 ||
    ch === 34 ||
    ch === 37 ||
    ch === 64 ||
    ch === 96
  );
}

/** Sets a key as the `yaml` package's toJS does (`__proto__` as an own property). */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else obj[key] = value;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** Reads one YAML document from `s[start, end)`. */
export class BlockReader {
  /** Offset of the current line's start. */
  private pos: number;
  /** Offset of the current line's `\n` (or `end`). */
  private lineEnd = 0;
  /** 1-based number of the current line. */
  private line: number;
  /** The current line's content column (its first non-space, or the column after a `- `). */
  private col = 0;
  private eof = false;
  /** The items of the top-level `items` sequence, when there is one. */
  readonly marks: ItemMark[] = [];

  constructor(
    private readonly s: string,
    start: number,
    private readonly end: number,
    firstLine: number,
    private readonly scalars: PlainScalars,
    /** Told the offset where each `items` item ends, as the reading gets there. */
    private readonly onItem?: (offset: number) => void,
  ) {
    this.pos = start;
    this.line = firstLine;
  }

  /** The document's value (`null` for an empty document). */
  readDocument(): unknown {
    this.setLineEnd();
    if (!this.seek()) return null;
    const value = this.node(this.col, -1, true);
    if (!this.eof) throw new Unsupported(`content after the document's root at line ${this.line}`);
    return value;
  }

  private setLineEnd(): void {
    const nl = this.s.indexOf("\n", this.pos);
    this.lineEnd = nl < 0 || nl > this.end ? this.end : nl;
  }

  /** Moves to the next line. */
  private nextLine(): void {
    this.pos = this.lineEnd + 1;
    this.line++;
    if (this.pos >= this.end) {
      this.pos = this.end;
      this.lineEnd = this.end;
      return;
    }
    this.setLineEnd();
  }

  /** From the current line on, skips blank and comment lines; false at the end. */
  private seek(): boolean {
    const s = this.s;
    while (this.pos < this.end) {
      let i = this.pos;
      while (i < this.lineEnd && s.charCodeAt(i) === SP) i++;
      if (i < this.lineEnd) {
        const ch = s.charCodeAt(i);
        if (ch === TAB) throw new Unsupported("a tab in indentation");
        if (ch !== HASH) {
          this.col = i - this.pos;
          return true;
        }
      }
      this.nextLine();
    }
    this.eof = true;
    return false;
  }

  /** Goes past the current line, then to the next content line. */
  private advance(): boolean {
    this.nextLine();
    return this.seek();
  }

  private isSeqLine(): boolean {
    const i = this.pos + this.col;
    return this.s.charCodeAt(i) === DASH && this.blankOrEnd(i + 1);
  }

  private blankOrEnd(i: number): boolean {
    return i >= this.lineEnd || this.s.charCodeAt(i) === SP;
  }

  /** A node whose first line's content starts at column `c`; `parent` is the enclosing collection's column. */
  private node(c: number, parent: number, top = false): unknown {
    if (this.isSeqLine()) return this.seq(c, false);
    const at = this.pos + c;
    const key = this.keyAt(at);
    if (key) return this.map(c, key, top);
    return this.inlineValue(at, parent);
  }

  /** The key of a `key: value` line starting at `i`, and where its value starts; undefined if not a key line. */
  private keyAt(i: number): { key: string; after: number } | undefined {
    const s = this.s;
    const ch = s.charCodeAt(i);
    if (ch === SQ || ch === DQ) return this.quotedKey(i, ch);
    if (ch === 63 /* ? */ || ch === 38 || ch === 42 || ch === 33 || ch === 37 || ch === 64 || ch === 96) {
      throw new Unsupported("a key or value the fast reader does not read");
    }
    if (ch === 123 || ch === 91) return undefined;
    for (let j = i; j < this.lineEnd; j++) {
      const c = s.charCodeAt(j);
      if (c === HASH && j > i && s.charCodeAt(j - 1) === SP) return undefined;
      if (c !== COLON || (j + 1 < this.lineEnd && s.charCodeAt(j + 1) !== SP)) continue;
      let k = j;
      while (k > i && s.charCodeAt(k - 1) === SP) k--;
      const key = s.slice(i, k);
      if (key.includes("\t") || !this.scalars.isStringKey(key)) throw new Unsupported(`the key ${key}`);
      return { key, after: j + 1 };
    }
    return undefined;
  }

  /** A quoted key (`'a b': ...`, `"a": ...`); undefined when the quoted scalar is a value. */
  private quotedKey(i: number, quote: number): { key: string; after: number } | undefined {
    const s = this.s;
    let escaped = false;
    let j = i + 1;
    for (; j < this.lineEnd; j++) {
      const c = s.charCodeAt(j);
      if (quote === DQ && c === 92 /* \ */) {
        escaped = true;
        j++;
      } else if (c === quote) {
        if (quote === SQ && s.charCodeAt(j + 1) === SQ) {
          escaped = true;
          j++;
        } else break;
      }
    }
    if (j >= this.lineEnd) return undefined;
    if (s.charCodeAt(j + 1) !== COLON || !this.blankOrEnd(j + 2)) return undefined;
    if (escaped) throw new Unsupported("an escape in a quoted key");
    return { key: s.slice(i + 1, j), after: j + 2 };
  }

  /** A block mapping at column `c`, its first key already read. */
  private map(c: number, first: { key: string; after: number }, top: boolean): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    let key: { key: string; after: number } | undefined = first;
    for (;;) {
      if (!key) throw new Unsupported(`a line that is not a key at line ${this.line}`);
      const mark = top && key.key === MARKED_KEY;
      setKey(obj, key.key, this.mapValue(c, key.after, mark));
      if (this.eof || this.col < c) return obj;
      if (this.col > c || this.isSeqLine()) throw new Unsupported(`indentation at line ${this.line}`);
      key = this.keyAt(this.pos + c);
    }
  }

  /** The value after a key's `:` at `after`, for a mapping at column `c`. */
  private mapValue(c: number, after: number, mark: boolean): unknown {
    const s = this.s;
    let j = after;
    while (j < this.lineEnd && s.charCodeAt(j) === SP) j++;
    if (j < this.lineEnd && s.charCodeAt(j) !== HASH) return this.inlineValue(j, c);
    if (!this.advance()) return null;
    if (this.col > c) {
      if (this.isSeqLine()) return this.seq(this.col, mark);
      return this.node(this.col, c);
    }
    if (this.col === c && this.isSeqLine()) return this.seq(c, mark);
    return null;
  }

  /** A block sequence whose `-` lines are at column `c`. */
  private seq(c: number, mark: boolean): unknown[] {
    const arr: unknown[] = [];
    for (;;) {
      const start = this.pos;
      const line = this.line;
      let item: unknown;
      let read = true;
      try {
        item = this.seqItem(c);
      } catch (e) {
        if (!mark || !(e instanceof Unsupported)) throw e;
        this.skipItem(c, line);
        item = null;
        read = false;
      }
      arr.push(item);
      if (mark) {
        const end = this.eof ? this.end : this.pos;
        this.marks.push({ start, end, line, read });
        this.onItem?.(end);
      }
      if (this.eof || this.col < c) return arr;
      if (this.col > c) throw new Unsupported(`indentation at line ${this.line}`);
      if (!this.isSeqLine()) return arr;
    }
  }

  private seqItem(c: number): unknown {
    const s = this.s;
    let j = this.pos + c + 1;
    while (j < this.lineEnd && s.charCodeAt(j) === SP) j++;
    if (j >= this.lineEnd || s.charCodeAt(j) === HASH) {
      if (!this.advance()) return null;
      return this.col > c ? this.node(this.col, c) : null;
    }
    this.col = j - this.pos;
    return this.node(this.col, c);
  }

  /** After a failed item (its `-` on `itemLine`): on to the next content line at column `c` or less. */
  private skipItem(c: number, itemLine: number): void {
    this.eof = false;
    this.setLineEnd();
    if (!this.seek()) return;
    while (this.line === itemLine || this.col > c) if (!this.advance()) return;
  }

  /** A scalar (or `{}` / `[]`) starting at `i` on the current line; `parent` is its collection's column. */
  private inlineValue(i: number, parent: number): unknown {
    const ch = this.s.charCodeAt(i);
    if (ch === 124 /* | */) return this.literal(i, parent);
    if (ch === DQ) return this.doubleQuoted(i, parent);
    if (ch === SQ) return this.singleQuoted(i, parent);
    if (ch === 123 /* { */ || ch === 91 /* [ */) {
      const close = ch === 123 ? 125 : 93;
      if (this.s.charCodeAt(i + 1) !== close) throw new Unsupported("a flow collection");
      this.endOfValue(i + 2);
      return ch === 123 ? {} : [];
    }
    if (isIndicator(ch)) throw new Unsupported("a value starting with an indicator");
    if ((ch === DASH || ch === 63 || ch === COLON) && this.blankOrEnd(i + 1)) {
      throw new Unsupported("an indicator followed by a space");
    }
    return this.plain(i, parent);
  }

  /** After a value ends at `i`: only spaces or a comment may follow; then on to the next content line. */
  private endOfValue(i: number): void {
    const s = this.s;
    let j = i;
    while (j < this.lineEnd && s.charCodeAt(j) === SP) j++;
    if (j < this.lineEnd && (s.charCodeAt(j) !== HASH || j === i)) {
      throw new Unsupported(`text after a value at line ${this.line}`);
    }
    this.advance();
  }

  private plain(i: number, parent: number): unknown {
    const s = this.s;
    let text = this.plainLine(i, this.lineEnd);
    let folded = false;
    let empty = 0;
    this.nextLine();
    while (this.pos < this.end) {
      let k = this.pos;
      while (k < this.lineEnd && s.charCodeAt(k) === SP) k++;
      if (k >= this.lineEnd) {
        empty++;
        this.nextLine();
        continue;
      }
      const ch = s.charCodeAt(k);
      if (ch === HASH || ch === TAB || k - this.pos <= parent) break;
      if (ch === DASH && this.blankOrEnd(k + 1)) throw new Unsupported("a plain scalar line starting with -");
      const more = this.plainLine(k, this.lineEnd);
      text += empty > 0 ? "\n".repeat(empty) : " ";
      text += more;
      empty = 0;
      folded = true;
      this.nextLine();
    }
    this.seek();
    return folded ? this.resolveFolded(text) : this.scalars.resolve(text);
  }

  private resolveFolded(text: string): unknown {
    return this.scalars.resolve(text);
  }

  /** One line of a plain scalar, trimmed; a `: ` or ` #` inside is not for the fast reader. */
  private plainLine(i: number, end: number): string {
    const s = this.s;
    let e = end;
    while (e > i && (s.charCodeAt(e - 1) === SP || s.charCodeAt(e - 1) === TAB)) e--;
    const text = s.slice(i, e);
    if (text.includes(": ") || text.includes(" #") || text.includes("\t#") || text.endsWith(":")) {
      throw new Unsupported("a plain scalar with `: ` or ` #`");
    }
    return text;
  }

  private singleQuoted(i: number, parent: number): string {
    const s = this.s;
    let out = "";
    let seg = i + 1;
    let j = i + 1;
    for (;;) {
      if (j >= this.end) throw new Unsupported("an unterminated quoted scalar");
      const ch = s.charCodeAt(j);
      if (ch === SQ) {
        if (s.charCodeAt(j + 1) === SQ) {
          out += s.slice(seg, j + 1);
          j += 2;
          seg = j;
          continue;
        }
        out += s.slice(seg, j);
        this.endOfValue(j + 1);
        return out;
      }
      if (ch === NL) {
        out = trimTrailing(out + s.slice(seg, j), 0);
        const next = this.foldBreak(parent);
        out += next.fold;
        j = next.at;
        seg = j;
        continue;
      }
      j++;
    }
  }

  private doubleQuoted(i: number, parent: number): string {
    const s = this.s;
    let out = "";
    /** Length of `out` up to the last escape: trailing spaces before it are kept. */
    let kept = 0;
    let seg = i + 1;
    let j = i + 1;
    for (;;) {
      if (j >= this.end) throw new Unsupported("an unterminated quoted scalar");
      const ch = s.charCodeAt(j);
      if (ch === DQ) {
        out += s.slice(seg, j);
        this.endOfValue(j + 1);
        return out;
      }
      if (ch === 92 /* \ */) {
        out += s.slice(seg, j);
        const e = s[j + 1] ?? "";
        if (e === "\n") {
          // An escaped line break: no space, the next line's leading blanks dropped.
          const next = this.foldBreak(parent, true);
          j = next.at;
          seg = j;
          kept = out.length;
          continue;
        }
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          j += 2;
        } else {
          const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
          const hex = s.slice(j + 2, j + 2 + width);
          if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) {
            throw new Unsupported("an escape the fast reader does not read");
          }
          out += String.fromCodePoint(Number.parseInt(hex, 16));
          j += 2 + width;
        }
        seg = j;
        kept = out.length;
        continue;
      }
      if (ch === NL) {
        out = trimTrailing(out + s.slice(seg, j), kept);
        const next = this.foldBreak(parent);
        out += next.fold;
        j = next.at;
        seg = j;
        kept = 0;
        continue;
      }
      j++;
    }
  }

  /**
   * A line break inside a quoted scalar, at the current line's end: what it folds to (a space,
   * or one `\n` per empty line) and where the next line's text starts.
   */
  private foldBreak(parent: number, escaped = false): { fold: string; at: number } {
    const s = this.s;
    let empty = 0;
    for (;;) {
      this.nextLine();
      if (this.pos >= this.end) throw new Unsupported("an unterminated quoted scalar");
      let k = this.pos;
      while (k < this.lineEnd && (s.charCodeAt(k) === SP || s.charCodeAt(k) === TAB)) k++;
      if (k < this.lineEnd) {
        if (k - this.pos <= parent || s.charCodeAt(this.pos) === TAB) {
          throw new Unsupported("a quoted scalar's line not indented enough");
        }
        if (escaped && empty > 0) throw new Unsupported("an escaped line break before an empty line");
        return { fold: escaped ? "" : empty > 0 ? "\n".repeat(empty) : " ", at: k };
      }
      empty++;
    }
  }

  /** A literal block scalar (`|`, `|-`, `|+`, `|2-` ...) whose header is at `i`. */
  private literal(i: number, parent: number): string {
    const s = this.s;
    let chomp: "clip" | "strip" | "keep" = "clip";
    let indicator = 0;
    let j = i + 1;
    for (let n = 0; n < 2 && j < this.lineEnd; n++) {
      const ch = s.charCodeAt(j);
      if (ch === DASH || ch === 43 /* + */) {
        chomp = ch === DASH ? "strip" : "keep";
        j++;
      } else if (ch >= 49 && ch <= 57) {
        indicator = ch - 48;
        j++;
      }
    }
    let k = j;
    while (k < this.lineEnd && s.charCodeAt(k) === SP) k++;
    if (k < this.lineEnd && (s.charCodeAt(k) !== HASH || k === j)) throw new Unsupported("a block header");
    if (parent < 0 && indicator > 0) throw new Unsupported("a top-level block scalar with an indicator");
    this.nextLine();
    let indent = indicator > 0 ? parent + indicator : -1;
    const lines: string[] = [];
    let empties = 0;
    let maxEmpty = 0;
    while (this.pos < this.end) {
      let m = this.pos;
      while (m < this.lineEnd && s.charCodeAt(m) === SP) m++;
      const spaces = m - this.pos;
      if (m >= this.lineEnd) {
        if (indent >= 0 && spaces > indent)
          throw new Unsupported("spaces on an empty line of a block scalar");
        maxEmpty = Math.max(maxEmpty, spaces);
        empties++;
        this.nextLine();
        continue;
      }
      if (indent < 0) {
        if (spaces <= parent) break;
        if (maxEmpty > spaces) throw new Unsupported("a block scalar's leading empty lines");
        indent = spaces;
      }
      if (spaces < indent) break;
      for (let e = 0; e < empties; e++) lines.push("");
      empties = 0;
      lines.push(s.slice(this.pos + indent, this.lineEnd));
      this.nextLine();
    }
    this.seek();
    if (lines.length === 0) return chomp === "keep" ? "\n".repeat(empties) : "";
    const body = lines.join("\n");
    if (chomp === "strip") return body;
    if (chomp === "clip") return `${body}\n`;
    return `${body}\n${"\n".repeat(empties)}`;
  }
}

/** Drops spaces and tabs at the end of `text`, but not before position `keep` (escaped ones). */
function trimTrailing(text: string, keep: number): string {
  let e = text.length;
  while (e > keep && (text.charCodeAt(e - 1) === SP || text.charCodeAt(e - 1) === TAB)) e--;
  return text.slice(0, e);
}
