/**
 * The garbage collector's dependency graph in miniature: owner uid →
 * dependents (kind + namespace/name), kept current from store events.
 */
import type { ObjectStore } from "../api/store";
import { objectKey } from "../api/store";
import type { AnyObject, Kind, ObjectMeta } from "../api/types";

type OwnerReference = NonNullable<ObjectMeta["ownerReferences"]>[number];

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
  "Lease",
]);

/** True when two ownerReferences lists name the same owners in the same order. */
function sameOwners(
  a: readonly OwnerReference[] | undefined,
  b: readonly OwnerReference[] | undefined,
): boolean {
  if (a === b) return true;
  const n = a?.length ?? 0;
  if (n !== (b?.length ?? 0)) return false;
  for (let i = 0; i < n; i++) if (a![i]!.uid !== b![i]!.uid) return false;
  return true;
}

export class OwnerIndex {
  /** Owner uid → its dependents, by kind and the store's key for them. */
  private readonly dependents = new Map<string, Map<Kind, Map<string, DependentRef>>>();
  /** Per kind, a dependent's store key → the uids it names. */
  private readonly ownersOf = new Map<Kind, Map<string, string[]>>();

  constructor(store: ObjectStore) {
    store.subscribe((e) => {
      if (!DEPENDENT_KINDS.has(e.kind)) return;
      const now = e.object.metadata.ownerReferences;
      // Status writes keep the owners: most events change nothing here.
      if (e.type === "MODIFIED" && sameOwners(now, e.old?.metadata.ownerReferences)) return;
      // Never owned, before or now: nothing indexed, nothing to index.
      if (!now?.length && !e.old?.metadata.ownerReferences?.length) return;
      this.update(e.kind, e.key, e.object, e.type === "DELETED");
    });
    for (const kind of DEPENDENT_KINDS) {
      for (const o of store.list(kind)) {
        this.update(kind, objectKey(kind, o.metadata.namespace, o.metadata.name), o, false);
      }
    }
  }

  private update(kind: Kind, key: string, obj: AnyObject, deleted: boolean): void {
    let owners = this.ownersOf.get(kind);
    if (!owners) {
      owners = new Map();
      this.ownersOf.set(kind, owners);
    }
    for (const uid of owners.get(key) ?? []) {
      const byKind = this.dependents.get(uid);
      const set = byKind?.get(kind);
      set?.delete(key);
      if (set?.size === 0) byKind!.delete(kind);
      if (byKind?.size === 0) this.dependents.delete(uid);
    }
    owners.delete(key);
    if (deleted) return;
    const uids = (obj.metadata.ownerReferences ?? []).map((r) => r.uid);
    if (uids.length === 0) return;
    owners.set(key, uids);
    const ref: DependentRef = {
      kind,
      namespace: obj.metadata.namespace ?? "default",
      name: obj.metadata.name,
    };
    for (const uid of uids) {
      let byKind = this.dependents.get(uid);
      if (!byKind) {
        byKind = new Map();
        this.dependents.set(uid, byKind);
      }
      let set = byKind.get(kind);
      if (!set) {
        set = new Map();
        byKind.set(kind, set);
      }
      set.set(key, ref);
    }
  }

  /** The objects that name `uid` among their ownerReferences, optionally of one kind. */
  dependentsOf(uid: string, kind?: Kind): DependentRef[] {
    const byKind = this.dependents.get(uid);
    if (!byKind) return [];
    if (kind) return [...(byKind.get(kind)?.values() ?? [])];
    const out: DependentRef[] = [];
    for (const set of byKind.values()) for (const d of set.values()) out.push(d);
    return out;
  }
}
