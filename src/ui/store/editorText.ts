/**
 * The editor's text not yet copied to the store. A big text (a dump) is copied out of the editor
 * once typing pauses, not per key: each copy builds tens of MB. What reads the text for an action
 * (Apply, Import) copies the rest out first.
 */
let pending: (() => void) | null = null;

/** The editor has changes to copy out with `copy` (null: none left). */
export function setPendingText(copy: (() => void) | null): void {
  pending = copy;
}

/** Copies the editor's pending changes into the store now, if it has any. */
export function flushPendingText(): void {
  const copy = pending;
  pending = null;
  copy?.();
}

/**
 * `text` made one flat string now, in the caller's task. V8 keeps a string joined from pieces (an
 * editor's text) as a tree of them until something reads it, and then copies all of it into one
 * (tens of MB for a dump) in whatever task reads it first.
 */
export function flatten(text: string): string {
  // A slice of a joined string is cut from the one flat string it makes of it.
  text.slice(0, 64);
  return text;
}
