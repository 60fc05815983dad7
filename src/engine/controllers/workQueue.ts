/**
 * A controller work queue in miniature: a set of dirty keys, drained in the
 * order they were first added (client-go's workqueue also de-duplicates keys
 * that are queued again before being processed).
 */
export class WorkQueue {
  private dirty = new Set<string>();

  add(key: string): void {
    this.dirty.add(key);
  }

  get length(): number {
    return this.dirty.size;
  }

  /** Takes every queued key; keys added while they are processed wait for the next drain. */
  drain(): string[] {
    if (this.dirty.size === 0) return [];
    const keys = [...this.dirty];
    this.dirty = new Set();
    return keys;
  }
}

/** `namespace/name`: the key client-go's MetaNamespaceKeyFunc builds. */
export function nsKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? "default"}/${name}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}
