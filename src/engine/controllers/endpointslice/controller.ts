/**
 * The EndpointSlice controller (kube-controller-manager's
 * `endpointslice-controller`): for every Service with a selector, slices
 * listing the matching pods. Works from a queue of dirty Service keys.
 */

import type { EndpointSlice } from "../../api/types";
import type { Cluster } from "../../cluster";
import { nsKey, splitKey, WorkQueue } from "../workQueue";
import { desiredGroups } from "./desired";
import { reconcileSlices } from "./reconciler";
import { managedSelector, type ServiceIndex } from "./serviceIndex";
import { isManagedSlice, LABEL_SERVICE_NAME } from "./sliceMeta";

/** Installs the EndpointSlice controller; returns its reconciler. */
export function installEndpointSliceController(cluster: Cluster, index: ServiceIndex): { sync(): boolean } {
  const queue = new WorkQueue();
  /** Service key → names of the managed slices that belong to it. */
  const slicesByService = new Map<string, Set<string>>();

  const track = (slice: EndpointSlice, deleted: boolean) => {
    const svc = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!svc || !isManagedSlice(slice)) return;
    const key = nsKey(slice.metadata.namespace, svc);
    let set = slicesByService.get(key);
    if (deleted) {
      set?.delete(slice.metadata.name);
      if (set?.size === 0) slicesByService.delete(key);
    } else {
      if (!set) {
        set = new Set();
        slicesByService.set(key, set);
      }
      set.add(slice.metadata.name);
    }
    return key;
  };

  const adopted = cluster.adoption;
  index.onDirty((key) => {
    adopted.touch("endpointslice", key);
    queue.add(key);
  });
  cluster.store.subscribe((e) => {
    if (e.kind !== "EndpointSlice") return;
    const slice = e.object as EndpointSlice;
    // A slice moved to another Service (label edited) leaves the old one's set.
    if (e.old && e.type === "MODIFIED") track(e.old as EndpointSlice, true);
    const key = track(slice, e.type === "DELETED");
    // Someone else edited or deleted one of our slices: put it right.
    if (key && e.type === "DELETED") {
      adopted.touch("endpointslice", key);
      queue.add(key);
    }
  });
  for (const s of cluster.store.list("EndpointSlice")) track(s, false);
  for (const s of cluster.store.list("Service")) queue.add(nsKey(s.metadata.namespace, s.metadata.name));

  const sync = (key: string, now: string): boolean => {
    const [ns, name] = splitKey(key);
    const svc = cluster.store.get("Service", ns, name);
    // Deleted Services: the garbage collector removes their slices by ownerReference.
    if (!svc || adopted.holds("endpointslice", key)) return false;
    if (!managedSelector(svc)) return false;
    const pods = index.podsOf(key);
    const groups = desiredGroups(svc, pods, (n) => index.zoneOf(n));
    const existing: EndpointSlice[] = [];
    for (const sliceName of slicesByService.get(key) ?? []) {
      const s = cluster.store.get("EndpointSlice", ns, sliceName);
      if (s) existing.push(s);
    }
    return reconcileSlices(cluster, svc, groups, existing, now);
  };

  return {
    sync(): boolean {
      let changed = false;
      const now = cluster.clock.iso();
      for (const key of queue.drain()) changed = sync(key, now) || changed;
      return changed;
    },
  };
}
