/**
 * Arrays kept once built, without spare capacity: an array grown by `push`
 * keeps room for more, and these are kept per Service port or per endpoint.
 */

/** A copy of `a` with room for exactly its elements. */
export function trimmed<T>(a: T[]): T[] {
  return a.slice();
}
