/**
 * An ipset's members as the kernel holds them (ip_set_hash_gen.h,
 * ip_set_bitmap_port.c): a `hash:*` set is a hash of fixed-size integer
 * keys, a `bitmap:port` set one bit per port. A membership test reads a few
 * integers from flat arrays — no string is built or hashed per packet.
 *
 * Members are read from ipset's own text (`10.96.0.1,tcp:443`,
 * `10.244.1.5,tcp:8080,10.244.1.5`, `30007`). A member this reader does not
 * take apart (not dotted-quad IPv4, another protocol word, a port written
 * another way) is kept as text and compared as text, so a test answers
 * exactly what comparing the text would.
 */

import { ipToNumber } from "../../api/ipv4";
import type { IpsetType } from "./model";

/** Protocol words as ipset writes them, by code. */
export const SET_PROTOCOLS: readonly string[] = ["tcp", "udp", "sctp"];

/**
 * Reads a dotted-quad IPv4 address from `s` at `i` (the rules of
 * api/ipv4's `ipToNumber`: four decimal octets, no leading zero). Returns
 * the address (as int32) and the index after it in `out`, or false.
 */
function readIPv4(s: string, i: number, out: Int32Array): boolean {
  let n = 0;
  for (let k = 0; k < 4; k++) {
    if (k > 0) {
      if (s.charCodeAt(i) !== 46) return false;
      i++;
    }
    let octet = 0;
    let digits = 0;
    for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) {
      if (digits > 0 && octet === 0) return false;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return false;
    }
    if (digits === 0) return false;
    n = n * 256 + octet;
  }
  out[0] = n | 0;
  out[1] = i;
  return true;
}

/** Reads a port written as `String(port)` would write it (0 … 65535, no leading zero). */
function readPort(s: string, i: number, out: Int32Array): boolean {
  let port = 0;
  let digits = 0;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) {
    if (digits > 0 && port === 0) return false;
    port = port * 10 + (c - 48);
    if (++digits > 5 || port > 65535) return false;
  }
  if (digits === 0) return false;
  out[0] = port;
  out[1] = i;
  return true;
}

/** Reads `tcp:`, `udp:` or `sctp:` at `i`: the protocol's code and the index after it in `out`, or false. */
function readProtocol(s: string, i: number, out: Int32Array): boolean {
  for (let code = 0; code < SET_PROTOCOLS.length; code++) {
    const word = SET_PROTOCOLS[code]!;
    if (s.startsWith(word, i) && s.charCodeAt(i + word.length) === 58) {
      out[0] = code;
      out[1] = i + word.length + 1;
      return true;
    }
  }
  return false;
}

/** A key's three words (unused ones 0): address, port × 4 + protocol, second address. */
function keyOf(type: IpsetType, s: string, key: Int32Array, out: Int32Array): boolean {
  if (type === "bitmap:port") {
    if (!readPort(s, 0, out) || out[1] !== s.length) return false;
    key[0] = out[0]!;
    return true;
  }
  if (!readIPv4(s, 0, out)) return false;
  key[0] = out[0]!;
  key[1] = 0;
  key[2] = 0;
  if (type === "hash:ip") return out[1] === s.length;
  if (s.charCodeAt(out[1]!) !== 44 || !readProtocol(s, out[1]! + 1, out)) return false;
  const proto = out[0]!;
  if (!readPort(s, out[1]!, out)) return false;
  key[1] = out[0]! * 4 + proto;
  if (type === "hash:ip,port") return out[1] === s.length;
  if (s.charCodeAt(out[1]!) !== 44 || !readIPv4(s, out[1]! + 1, out)) return false;
  key[2] = out[0]!;
  return out[1] === s.length;
}

function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2d);
  return h ^ (h >>> 15);
}

/** An address as a key word (int32), or NaN for text that is not a dotted-quad IPv4 address. */
export function addressWord(ip: string): number {
  const n = ipToNumber(ip);
  return n === undefined ? Number.NaN : n | 0;
}

/** `proto:port` as a key word (port × 4 + protocol), or NaN when the text would not read back as one. */
export function portWord(protoWord: string, port: number): number {
  const code = SET_PROTOCOLS.indexOf(protoWord);
  return code < 0 || !isPort(port) ? Number.NaN : port * 4 + code;
}

/** A port as `String(port)` writes it and ipset reads it back (0 … 65535). */
export function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 65535;
}

/** A member's three key words read from its text, or undefined when it is kept as text. */
export function keyWords(type: IpsetType, text: string): [number, number, number] | undefined {
  const key = new Int32Array(3);
  return keyOf(type, text, key, new Int32Array(2)) ? [key[0]!, key[1]!, key[2]!] : undefined;
}

/**
 * One set's members as integer keys (open addressing, linear probing, grown
 * at half full) or a port bitmap.
 */
export class SetTable {
  /** Distinct members, those kept as text included. */
  size = 0;
  private readonly bitmap: Uint8Array | undefined;
  /** Three words per slot; `used` marks the slots taken. */
  private keys: Int32Array;
  private used: Uint8Array;
  private mask: number;
  private keyed = 0;
  /** Members kept as text (see the file comment): compared by the text a test builds. */
  readonly text = new Set<string>();

  constructor(
    readonly type: IpsetType,
    expected = 0,
  ) {
    let cap = 8;
    while (cap < expected * 2) cap *= 2;
    const isBitmap = type === "bitmap:port";
    this.bitmap = isBitmap ? new Uint8Array(65536) : undefined;
    this.keys = new Int32Array(isBitmap ? 0 : cap * 3);
    this.used = new Uint8Array(isBitmap ? 0 : cap);
    this.mask = cap - 1;
  }

  /** The set's members read from their text. */
  static fromText(type: IpsetType, members: ReadonlySet<string>): SetTable {
    const t = new SetTable(type, members.size);
    const key = new Int32Array(3);
    const out = new Int32Array(2);
    for (const m of members) {
      if (keyOf(type, m, key, out)) t.add(key[0]!, key[1]!, key[2]!, m);
      else t.add(Number.NaN, 0, 0, m);
    }
    return t;
  }

  /**
   * Adds a member by its key words (unused words 0; `bitmap:port`: `a` is
   * the port); a NaN word means the member is kept as `text`. False if it
   * was a member already.
   */
  add(a: number, b: number, c: number, text: string): boolean {
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) {
      if (this.text.has(text)) return false;
      this.text.add(text);
    } else if (this.bitmap) {
      if (this.bitmap[a] === 1) return false;
      this.bitmap[a] = 1;
    } else {
      if ((this.keyed + 1) * 2 > this.used.length) this.grow();
      if (!this.insert(a, b, c)) return false;
      this.keyed++;
    }
    this.size++;
    return true;
  }

  private grow(): void {
    const keys = this.keys;
    const used = this.used;
    const cap = used.length * 2;
    this.keys = new Int32Array(cap * 3);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < used.length; i++)
      if (used[i] === 1) this.insert(keys[i * 3]!, keys[i * 3 + 1]!, keys[i * 3 + 2]!);
  }

  /** Puts the key in its slot; false if it was there already. */
  private insert(a: number, b: number, c: number): boolean {
    const keys = this.keys;
    for (let i = mix(a, b, c) & this.mask; ; i = (i + 1) & this.mask) {
      if (this.used[i] === 0) {
        this.used[i] = 1;
        keys[i * 3] = a;
        keys[i * 3 + 1] = b;
        keys[i * 3 + 2] = c;
        return true;
      }
      if (keys[i * 3] === a && keys[i * 3 + 1] === b && keys[i * 3 + 2] === c) return false;
    }
  }

  /** Is the integer key a member? (`bitmap:port`: `a` is the port.) */
  has(a: number, b: number, c: number): boolean {
    if (this.bitmap) return a >= 0 && a < 65536 && this.bitmap[a] === 1;
    const keys = this.keys;
    for (let i = mix(a, b, c) & this.mask; this.used[i] === 1; i = (i + 1) & this.mask) {
      if (keys[i * 3] === a && keys[i * 3 + 1] === b && keys[i * 3 + 2] === c) return true;
    }
    return false;
  }
}
