/**
 * One shared, frozen value for parts of objects that many objects hold
 * alike (the conditions of every pod started in the same second, a node's
 * hostIPs). At 100,000 pods the copies would be a large share of the heap,
 * and the garbage collector's work grows with it. Frozen: a write through
 * one holder throws instead of changing them all.
 */

/** Freezes a plain value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A bounded table of shared values by key (cleared when full: a cache, never a leak). */
export class InternTable<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly capacity = 4096) {}

  /** The shared value for `key`, made (and frozen) by `make` on first use. */
  get(key: string, make: () => T): T {
    let v = this.values.get(key);
    if (v === undefined) {
      if (this.values.size >= this.capacity) this.values.clear();
      v = deepFreeze(make());
      this.values.set(key, v);
    }
    return v;
  }
}
