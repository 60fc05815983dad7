/**
 * The garbage collector: when an owner is deleted, its dependents (found by
 * ownerReferences) are deleted too — background propagation, as
 * `kubectl delete` asks by default. Pods are deleted gracefully.
 *
 * NOTE: the real collector keeps a dependent that still has another live
 * owner (it only drops the dangling reference) and supports foreground and
 * orphan propagation; here every dependent of a deleted owner goes.
 */
import type { Cluster } from "../cluster";
import type { OwnerIndex } from "./ownerIndex";
import { deletePodGracefully } from "./podDeletion";

/** Installs the garbage collector; returns its reconciler. */
export function installGarbageCollector(cluster: Cluster, owners: OwnerIndex): { sync(): boolean } {
  let deletedOwners: string[] = [];
  cluster.store.subscribe((e) => {
    if (e.type === "DELETED") deletedOwners.push(e.object.metadata.uid);
  });
  return {
    sync(): boolean {
      let changed = false;
      while (deletedOwners.length > 0) {
        const uids = deletedOwners;
        deletedOwners = [];
        for (const uid of uids) {
          for (const dep of owners.dependentsOf(uid)) {
            if (dep.kind === "Pod") {
              const pod = cluster.store.get("Pod", dep.namespace, dep.name);
              if (pod && !pod.metadata.deletionTimestamp) {
                deletePodGracefully(cluster, pod);
                changed = true;
              }
            } else if (cluster.store.remove(dep.kind, dep.namespace, dep.name)) {
              changed = true;
            }
          }
        }
      }
      return changed;
    },
  };
}
