import type { AnyObject, Kind, KindMap, SourceRef } from "./types";
import { NAMESPACED_KINDS } from "./types";

export type StoreEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent {
  type: StoreEventType;
  kind: Kind;
  object: AnyObject;
  /** The previous version, for MODIFIED and DELETED. */
  old?: AnyObject;
}

export type StoreListener = (event: StoreEvent) => void;

/** `namespace/name`, or `name` for cluster-scoped kinds: etcd's key order. */
export function objectKey(kind: Kind, namespace: string | undefined, name: string): string {
  return NAMESPACED_KINDS.has(kind) ? `${namespace ?? "default"}/${name}` : name;
}

/**
 * etcd in miniature: objects by kind and key, a cluster-wide resourceVersion,
 * and synchronous watch events that the controllers' queues feed on.
 * It never defaults or validates: that is the API server's job.
 */
export class ObjectStore {
  private readonly byKind = new Map<Kind, Map<string, AnyObject>>();
  private readonly sortedKeys = new Map<Kind, string[]>();
  private readonly listeners: StoreListener[] = [];
  private readonly sources = new Map<string, SourceRef>();
  private revision = 0;

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): KindMap[K] | undefined {
    return this.byKind.get(kind)?.get(objectKey(kind, namespace, name)) as KindMap[K] | undefined;
  }

  /** Objects of a kind in key order (namespace, then name), as the API server lists them. */
  list<K extends Kind>(kind: K, namespace?: string): KindMap[K][] {
    const objects = this.byKind.get(kind);
    if (!objects) return [];
    let keys = this.sortedKeys.get(kind);
    if (!keys) {
      keys = [...objects.keys()].sort(compareKeys);
      this.sortedKeys.set(kind, keys);
    }
    const out: KindMap[K][] = [];
    const prefix = namespace === undefined ? undefined : `${namespace}/`;
    for (const key of keys) {
      if (prefix !== undefined && NAMESPACED_KINDS.has(kind) && !key.startsWith(prefix)) continue;
      out.push(objects.get(key) as KindMap[K]);
    }
    return out;
  }

  count(kind: Kind): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** Creates or replaces an object, stamping the next resourceVersion. */
  put<K extends Kind>(kind: K, object: KindMap[K]): KindMap[K] {
    const meta = object.metadata;
    const key = objectKey(kind, meta.namespace, meta.name);
    let objects = this.byKind.get(kind);
    if (!objects) {
      objects = new Map();
      this.byKind.set(kind, objects);
    }
    const old = objects.get(key);
    this.revision++;
    meta.resourceVersion = String(this.revision);
    objects.set(key, object);
    if (!old) this.sortedKeys.delete(kind);
    this.emit({ type: old ? "MODIFIED" : "ADDED", kind, object, ...(old ? { old } : {}) });
    return object;
  }

  remove(kind: Kind, namespace: string | undefined, name: string): AnyObject | undefined {
    const key = objectKey(kind, namespace, name);
    const objects = this.byKind.get(kind);
    const old = objects?.get(key);
    if (!objects || !old) return undefined;
    objects.delete(key);
    this.sortedKeys.delete(kind);
    this.sources.delete(`${kind}/${key}`);
    this.revision++;
    this.emit({ type: "DELETED", kind, object: old, old });
    return old;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** The file and line an object was last applied from, if any. */
  sourceOf(kind: Kind, namespace: string | undefined, name: string): SourceRef | undefined {
    return this.sources.get(`${kind}/${objectKey(kind, namespace, name)}`);
  }

  setSource(kind: Kind, namespace: string | undefined, name: string, source: SourceRef): void {
    this.sources.set(`${kind}/${objectKey(kind, namespace, name)}`, source);
  }

  get resourceVersion(): number {
    return this.revision;
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
