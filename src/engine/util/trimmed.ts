/**
 * Arrays kept once built, without spare capacity. V8 gives an array grown
 * by `push` up to 16 spare slots (128 bytes); kept per Service port or per
 * endpoint, 10,000s of them, that is megabytes the garbage collector copies
 * and marks for nothing.
 */

/** A copy of `a` with room for exactly its elements. */
export function trimmed<T>(a: T[]): T[] {
  return a.slice();
}
