import { NAMESPACED_KINDS } from "./kinds";
import type { AnyObject, Kind, KindMap, SourceRef } from "./types";

export type StoreEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent {
  type: StoreEventType;
  kind: Kind;
  /**
   * The object's key (`objectKey`), one string for every version of it:
   * queues that hold it hash it once, not once per event.
   */
  key: string;
  object: AnyObject;
  /** The previous version, for MODIFIED and DELETED. */
  old?: AnyObject;
}

export type StoreListener = (event: StoreEvent) => void;

/** `namespace/name`, or `name` for cluster-scoped kinds: etcd's key order. */
export function objectKey(kind: Kind, namespace: string | undefined, name: string): string {
  return NAMESPACED_KINDS.has(kind) ? `${namespace ?? "default"}/${name}` : name;
}

/** One stored object: its key, built once, and its current version. */
interface Entry {
  readonly key: string;
  object: AnyObject;
}

/**
 * One kind's objects, by namespace ("" for cluster-scoped kinds) and name,
 * and by key. Lookups by name hash the names objects already carry, lookups
 * by key the key events carried, never a freshly built one (a string keeps
 * its hash once computed). An update only swaps the entry's object.
 */
class KindTable {
  readonly byNamespace = new Map<string, Map<string, Entry>>();
  readonly byKey = new Map<string, Entry>();
  readonly sources = new Map<string, Map<string, SourceRef>>();
  size = 0;
  /** Namespaces in key order, then each one's names in order; dropped when an object comes or goes. */
  sorted: [Map<string, Entry>, string[]][] | undefined;

  bucket(ns: string): Map<string, Entry> {
    let b = this.byNamespace.get(ns);
    if (!b) {
      b = new Map();
      this.byNamespace.set(ns, b);
    }
    return b;
  }

  order(): [Map<string, Entry>, string[]][] {
    if (!this.sorted) {
      // Sorting `ns + "/"` orders namespaces as the `namespace/name` keys would.
      const namespaces = [...this.byNamespace.keys()].sort((a, b) => compareKeys(`${a}/`, `${b}/`));
      this.sorted = namespaces.map((ns) => {
        const b = this.byNamespace.get(ns)!;
        return [b, [...b.keys()].sort(compareKeys)];
      });
    }
    return this.sorted;
  }
}

/**
 * etcd in miniature: objects by kind and key, a cluster-wide resourceVersion,
 * and synchronous watch events that the controllers' queues feed on.
 * It never defaults or validates: that is the API server's job.
 */
export class ObjectStore {
  private readonly byKind = new Map<Kind, KindTable>();
  private readonly listeners: StoreListener[] = [];
  private revision = 0;

  private table(kind: Kind): KindTable {
    let t = this.byKind.get(kind);
    if (!t) {
      t = new KindTable();
      this.byKind.set(kind, t);
    }
    return t;
  }

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): KindMap[K] | undefined {
    return this.byKind.get(kind)?.byNamespace.get(scope(kind, namespace))?.get(name)?.object as
      | KindMap[K]
      | undefined;
  }

  /** The object stored under a key an event carried (`objectKey`). */
  getByKey<K extends Kind>(kind: K, key: string): KindMap[K] | undefined {
    return this.byKind.get(kind)?.byKey.get(key)?.object as KindMap[K] | undefined;
  }

  /** Objects of a kind in key order (namespace, then name), as the API server lists them. */
  list<K extends Kind>(kind: K, namespace?: string): KindMap[K][] {
    const t = this.byKind.get(kind);
    if (!t) return [];
    const only =
      namespace !== undefined && NAMESPACED_KINDS.has(kind) ? t.byNamespace.get(namespace) : undefined;
    if (namespace !== undefined && NAMESPACED_KINDS.has(kind) && !only) return [];
    const out: KindMap[K][] = [];
    for (const [bucket, names] of t.order()) {
      if (only && bucket !== only) continue;
      for (const name of names) out.push(bucket.get(name)!.object as KindMap[K]);
    }
    return out;
  }

  /** Every object of a kind in no particular order (no sort: for callers that only gather). */
  *values<K extends Kind>(kind: K): IterableIterator<KindMap[K]> {
    const t = this.byKind.get(kind);
    if (!t) return;
    for (const entry of t.byKey.values()) yield entry.object as KindMap[K];
  }

  /** The namespaces holding objects of a kind (unordered; none for cluster-scoped kinds). */
  namespacesOf(kind: Kind): string[] {
    if (!NAMESPACED_KINDS.has(kind)) return [];
    return [...(this.byKind.get(kind)?.byNamespace.keys() ?? [])];
  }

  count(kind: Kind): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** Creates or replaces an object, stamping the next resourceVersion. */
  put<K extends Kind>(kind: K, object: KindMap[K]): KindMap[K] {
    const meta = object.metadata;
    const t = this.table(kind);
    const ns = scope(kind, meta.namespace);
    const bucket = t.bucket(ns);
    let entry = bucket.get(meta.name);
    const old = entry?.object;
    this.revision++;
    meta.resourceVersion = String(this.revision);
    if (entry) {
      entry.object = object;
    } else {
      entry = { key: objectKey(kind, ns, meta.name), object };
      bucket.set(meta.name, entry);
      t.byKey.set(entry.key, entry);
      t.size++;
      t.sorted = undefined;
    }
    const key = entry.key;
    this.emit(old ? { type: "MODIFIED", kind, key, object, old } : { type: "ADDED", kind, key, object });
    return object;
  }

  remove(kind: Kind, namespace: string | undefined, name: string): AnyObject | undefined {
    const t = this.byKind.get(kind);
    const ns = scope(kind, namespace);
    const bucket = t?.byNamespace.get(ns);
    const entry = bucket?.get(name);
    if (!t || !bucket || !entry) return undefined;
    bucket.delete(name);
    t.byKey.delete(entry.key);
    if (bucket.size === 0) t.byNamespace.delete(ns);
    t.size--;
    t.sorted = undefined;
    t.sources.get(ns)?.delete(name);
    this.revision++;
    const old = entry.object;
    this.emit({ type: "DELETED", kind, key: entry.key, object: old, old });
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
    return this.byKind.get(kind)?.sources.get(scope(kind, namespace))?.get(name);
  }

  setSource(kind: Kind, namespace: string | undefined, name: string, source: SourceRef): void {
    const sources = this.table(kind).sources;
    const ns = scope(kind, namespace);
    let m = sources.get(ns);
    if (!m) {
      m = new Map();
      sources.set(ns, m);
    }
    m.set(name, source);
  }

  get resourceVersion(): number {
    return this.revision;
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The namespace an object of the kind lives in: "" for cluster-scoped kinds. */
function scope(kind: Kind, namespace: string | undefined): string {
  return NAMESPACED_KINDS.has(kind) ? (namespace ?? "default") : "";
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
