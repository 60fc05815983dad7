/**
 * The garbage collector's dependency graph in miniature: owner uid →
 * dependents (kind + namespace/name), kept current from store events.
 */
import type { ObjectStore } from "../api/store";
import type { AnyObject, Kind } from "../api/types";
import { nsKey } from "./workQueue";

/** A dependent as the index names it. */
export interface DependentRef {
  kind: Kind;
  namespace: string;
  name: string;
}

/** Kinds whose objects carry ownerReferences Packetwalk's controllers follow. */
export const DEPENDENT_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  "ReplicaSet",
  "Pod",
  "EndpointSlice",
  "Endpoints",
]);

export class OwnerIndex {
  private readonly dependents = new Map<string, Map<string, DependentRef>>();
  private readonly ownersOf = new Map<string, string[]>();

  constructor(store: ObjectStore) {
    store.subscribe((e) => {
      if (!DEPENDENT_KINDS.has(e.kind)) return;
      // Never owned, before or now: nothing indexed, nothing to index.
      if (!e.object.metadata.ownerReferences?.length && !e.old?.metadata.ownerReferences?.length) return;
      this.update(e.kind, e.object, e.type === "DELETED");
    });
    for (const kind of DEPENDENT_KINDS) for (const o of store.list(kind)) this.update(kind, o, false);
  }

  private update(kind: Kind, obj: AnyObject, deleted: boolean): void {
    const ns = obj.metadata.namespace ?? "default";
    const id = `${kind}|${nsKey(ns, obj.metadata.name)}`;
    for (const uid of this.ownersOf.get(id) ?? []) {
      const set = this.dependents.get(uid);
      set?.delete(id);
      if (set?.size === 0) this.dependents.delete(uid);
    }
    this.ownersOf.delete(id);
    if (deleted) return;
    const uids = (obj.metadata.ownerReferences ?? []).map((r) => r.uid);
    if (uids.length === 0) return;
    this.ownersOf.set(id, uids);
    for (const uid of uids) {
      let set = this.dependents.get(uid);
      if (!set) {
        set = new Map();
        this.dependents.set(uid, set);
      }
      set.set(id, { kind, namespace: ns, name: obj.metadata.name });
    }
  }

  /** The objects that name `uid` among their ownerReferences, optionally of one kind. */
  dependentsOf(uid: string, kind?: Kind): DependentRef[] {
    const set = this.dependents.get(uid);
    if (!set) return [];
    const out: DependentRef[] = [];
    for (const d of set.values()) if (!kind || d.kind === kind) out.push(d);
    return out;
  }
}
