/**
 * An ipset as kube-proxy's writer leaves it: its members as the integer
 * keys of its table (setTable.ts), in list order, and their text made when
 * first read (`ipset list`). A member the table keeps as text (not a
 * dotted-quad address, another protocol word) keeps its text; every other
 * member's text is what ipset prints for its key, which is the text it was
 * written from (the table reads only text that prints back the same).
 */
import { numberToIp } from "../../api/ipv4";
import type { IpsetSet, IpsetType } from "./model";
import { SET_PROTOCOLS, SetTable } from "./setTable";

/** What names a set (kube-proxy's `ipsetInfo` row). */
export interface IpsetInfo {
  name: string;
  type: IpsetType;
  comment: string;
}

/** A member's text from its key words. */
function memberText(type: IpsetType, a: number, b: number, c: number): string {
  if (type === "bitmap:port") return String(a);
  const ip = numberToIp(a >>> 0);
  if (type === "hash:ip") return ip;
  const ipPort = `${ip},${SET_PROTOCOLS[b & 3]}:${b >> 2}`;
  return type === "hash:ip,port,ip" ? `${ipPort},${numberToIp(c >>> 0)}` : ipPort;
}

/** An ipset the writer built: members by key, their text made when first read. */
export class WrittenIpset implements IpsetSet {
  readonly name: string;
  readonly type: IpsetType;
  readonly comment: string;
  /** The members as integer keys (a net-typed set's all kept as text). */
  readonly table: SetTable;
  /** Three words a member in list order: its key words, or its text and two zeros when kept as text. */
  #order: (number | string)[] = [];
  #members: string[] | undefined;

  /** `expected`: how many members it may take (its table is sized for them). */
  constructor(info: IpsetInfo, expected = 0) {
    this.name = info.name;
    this.type = info.type;
    this.comment = info.comment;
    this.table = new SetTable(info.type, expected);
  }

  /** How many members it has (without making their text). */
  get size(): number {
    return this.#order.length / 3;
  }

  /** Members in ipset's own syntax, in list order (made once; not to be written to). */
  get members(): string[] {
    if (this.#members === undefined) {
      const order = this.#order;
      const out = new Array<string>(order.length / 3);
      for (let i = 0, j = 0; i < order.length; i += 3, j++) {
        const a = order[i]!;
        out[j] =
          typeof a === "string"
            ? a
            : memberText(this.type, a, order[i + 1] as number, order[i + 2] as number);
      }
      this.#members = out;
    }
    return this.#members;
  }

  /**
   * Adds a member by its key words (see SetTable.add; `text` is read only
   * when a word is NaN). False if it was a member already.
   */
  add(a: number, b: number, c: number, text: string): boolean {
    if (!this.table.add(a, b, c, text)) return false;
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) this.#order.push(text, 0, 0);
    else this.#order.push(a, b, c);
    this.#members = undefined;
    return true;
  }

  /** Puts a bitmap's members in port order, as `ipset list` prints a bitmap:port set. */
  sortPorts(): void {
    const order = this.#order;
    const ports: { n: number; m: number | string }[] = [];
    for (let i = 0; i < order.length; i += 3) ports.push({ n: Number(order[i]), m: order[i]! });
    ports.sort((x, y) => x.n - y.n);
    this.#order = ports.flatMap((p) => [p.m, 0, 0]);
    this.#members = undefined;
  }

  /** Is the member at word `i` of `order` in `table`? */
  #inTable(order: readonly (number | string)[], i: number, table: SetTable): boolean {
    const a = order[i]!;
    return typeof a === "string"
      ? table.text.has(a)
      : table.has(a, order[i + 1] as number, order[i + 2] as number);
  }

  /**
   * Brought over `old` (the set as the last sync left it): a member that
   * stays keeps its place and new members follow (a bitmap stays in port
   * order). Returns how many members were added and removed.
   */
  keepPlacesOf(old: WrittenIpset): number {
    const mine = this.#order;
    const theirs = old.#order;
    let added = 0;
    let removed = 0;
    for (let i = 0; i < mine.length; i += 3) if (!this.#inTable(mine, i, old.table)) added++;
    for (let i = 0; i < theirs.length; i += 3) if (!this.#inTable(theirs, i, this.table)) removed++;
    if (this.type === "bitmap:port") return added + removed;
    if (added + removed === 0) {
      this.#order = theirs;
      this.#members = old.#members;
      return 0;
    }
    const order: (number | string)[] = [];
    for (let i = 0; i < theirs.length; i += 3)
      if (this.#inTable(theirs, i, this.table)) order.push(theirs[i]!, theirs[i + 1]!, theirs[i + 2]!);
    for (let i = 0; i < mine.length; i += 3)
      if (!this.#inTable(mine, i, old.table)) order.push(mine[i]!, mine[i + 1]!, mine[i + 2]!);
    this.#order = order;
    this.#members = undefined;
    return added + removed;
  }
}
