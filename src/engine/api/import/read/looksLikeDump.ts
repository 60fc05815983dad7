/**
 * Telling, from a glance at its first 64 KB, whether a text is what `kubectl get ... -o yaml` (or
 * `-o json`) printed rather than manifests someone wrote: the page then offers to import it as a
 * cluster instead of applying it (applying would allocate every address afresh).
 */

/** The part of a text looked at: a dump's first object says what it is. */
const HEAD_CHARS = 64 * 1024;

/** `kind: List` as the top of a YAML document, or `"kind": "List"` in JSON. */
const LIST = /^(?:kind:[ \t]*List[ \t]*$|[ \t]*"kind"[ \t]*:[ \t]*"List")/m;

/**
 * Fields only the API server writes, as a key in YAML (block or list item) or JSON: an object's
 * `uid` and `resourceVersion`, its `status`. Nested keys of the same name (an owner reference's
 * `uid`) only appear in objects that carry them too.
 */
const SERVER_FIELDS = /^[ \t]*(?:- )?"?(?:uid|resourceVersion|status)"?[ \t]*:/m;

/**
 * Does `text` look like a cluster dump — a `kind: List`, or objects carrying `metadata.uid`,
 * `resourceVersion` or `status` — to offer importing it rather than applying it? Cheap (a
 * regular expression over the first 64 KB); `Simulation.importCluster` reads it for real.
 */
export function looksLikeDump(text: string): boolean {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  return LIST.test(head) || SERVER_FIELDS.test(head);
}
