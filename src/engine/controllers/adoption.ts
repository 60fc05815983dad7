/**
 * What an imported cluster's own controllers, scheduler and kubelets did, kept as the dump
 * reported it. A controller leaves an object it holds alone — a slice as the real EndpointSlice
 * controller wrote it, a pod's status as its kubelet reported it, a pending pod the real scheduler
 * could not place — until, after the import, something that object depends on changes (the user
 * edits it, a pod it selects comes or goes); then that controller takes over, as it would.
 * A cluster built from manifests holds nothing, and every controller works as always.
 */

/** The controllers that hold imported objects, each by its own keys. */
export type Holder =
  /** Service keys whose EndpointSlices came from the dump. */
  | "endpointslice"
  /** Service keys whose Endpoints came from the dump. */
  | "endpoints"
  /** Pod keys: status as the node's kubelet reported it. */
  | "kubelet"
  /** Pod keys of pods the real scheduler had not placed. */
  | "scheduler"
  | "replicaset"
  | "deployment"
  /** Node names: the podCIDR (or none) the real cluster gave. Held for good. */
  | "nodeIpam"
  /** `default/kubernetes`: the real API servers' endpoints. Held for good. */
  | "apiserverEndpoints";

export class Adoption {
  private readonly held = new Map<Holder, Set<string>>();
  /** False while the import is writing: its own writes release nothing. */
  private settled = false;

  /** `holder` leaves the object under `key` as imported. */
  hold(holder: Holder, key: string): void {
    let set = this.held.get(holder);
    if (!set) {
      set = new Set();
      this.held.set(holder, set);
    }
    set.add(key);
  }

  holds(holder: Holder, key: string): boolean {
    return this.held.get(holder)?.has(key) ?? false;
  }

  /** Something the object under `key` depends on changed: once the import is done, `holder` takes over. */
  touch(holder: Holder, key: string): void {
    if (this.settled) this.held.get(holder)?.delete(key);
  }

  /** The import is done: from now on, changes release what they touch. */
  settle(): void {
    this.settled = true;
  }

  /** Whether the cluster was imported from a dump (its images are the real cluster's own). */
  get fromDump(): boolean {
    return this.settled;
  }

  /** How many objects `holder` still holds. */
  count(holder: Holder): number {
    return this.held.get(holder)?.size ?? 0;
  }
}
