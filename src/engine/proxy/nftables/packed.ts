/**
 * The two packed layouts the nftables data plane keeps per Service (a
 * 10,000-Service table holds 100,000 endpoints and ~40,000 elements), each
 * read and written only through these accessors.
 */
import type { NftElement } from "./model";
import type { PutElement } from "./serviceElements";

/** Endpoint flag bits, below the port in an endpoint's meta number. */
export const LOCAL = 1;
export const READY = 2;
export const SERVING = 4;
export const TERMINATING = 8;
const FLAG_BITS = 4;

/** An endpoint's port and flags as one number: `port << 4 | flags`. */
export const endpointMeta = {
  pack(port: number, flags: number): number {
    return port * (1 << FLAG_BITS) + (flags & ((1 << FLAG_BITS) - 1));
  },
  port(meta: number): number {
    return meta >>> FLAG_BITS;
  },
  flags(meta: number): number {
    return meta & ((1 << FLAG_BITS) - 1);
  },
  has(meta: number, flag: number): boolean {
    return (meta & flag) === flag;
  },
};

/** A Service's map and set elements: set name, joined key and element, three slots each. */
export class ElementTriples implements PutElement {
  private flat: (string | NftElement)[] = [];

  /** How many elements. */
  get length(): number {
    return this.flat.length / 3;
  }

  put(set: string, key: string, element: NftElement): void {
    this.flat.push(set, key, element);
  }

  /** The set (or map) name of element `i`. */
  set(i: number): string {
    return this.flat[i * 3] as string;
  }

  /** The joined key of element `i`. */
  key(i: number): string {
    return this.flat[i * 3 + 1] as string;
  }

  /** Element `i` itself. */
  element(i: number): NftElement {
    return this.flat[i * 3 + 2] as NftElement;
  }

  /** Drops the spare capacity once the unit is written. */
  trim(trimmer: <T>(a: T[]) => T[]): void {
    this.flat = trimmer(this.flat);
  }
}
