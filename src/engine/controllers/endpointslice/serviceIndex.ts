/**
 * The informer-side indexes both endpoint controllers share: pods by label
 * (per namespace, `key=value` → pod names) and Services by one of their
 * selector pairs, so a pod event finds the Services it may belong to and a
 * Service finds its pods by intersecting small sets — never a full scan.
 */
import type { ObjectStore } from "../../api/store";
import type { Node, Pod, Service } from "../../api/types";
import { matchesSelector } from "../objects";
import { nsKey } from "../workQueue";
import { endpointIdentity, type PodRef, podRef } from "./endpointPorts";

/** The zone label endpoints copy from their node. */
export const ZONE_LABEL = "topology.kubernetes.io/zone";

/** Per namespace, `key=value` → the members carrying that pair. */
type PairIndex<T> = Map<string, Map<string, Set<T>>>;

function addTo<T>(index: PairIndex<T>, ns: string, pair: string, member: T): void {
  let byPair = index.get(ns);
  if (!byPair) {
    byPair = new Map();
    index.set(ns, byPair);
  }
  let set = byPair.get(pair);
  if (!set) {
    set = new Set();
    byPair.set(pair, set);
  }
  set.add(member);
}

function removeFrom<T>(index: PairIndex<T>, ns: string, pair: string, member: T): void {
  const set = index.get(ns)?.get(pair);
  if (!set) return;
  set.delete(member);
  if (set.size === 0) index.get(ns)?.delete(pair);
}

/** A managed Service's selector as the index holds it: keys in order, and their `key=value` pairs. */
interface ServiceSelector {
  ns: string;
  selector: Record<string, string>;
  pairs: string[];
}

/** A matching pod and the reference its endpoints carry. */
export interface IndexedPod {
  readonly pod: Pod;
  readonly ref: PodRef;
  /** `endpointIdentity(ip, name)`, one string while the IP stays (a Map hashes a kept string once). */
  endpointKey(ip: string): string;
}

/** A pod as the index last saw it: the object, a copy of its labels and their `key=value` pairs. */
class CachedPod implements IndexedPod {
  private shared: PodRef | undefined;
  private keyIP: string | undefined;
  private key = "";

  constructor(
    public pod: Pod,
    readonly labels: Record<string, string>,
    readonly pairs: string[],
  ) {}

  /** Made on first use and kept while the pod is the same pod (same uid: a pod's name and namespace never change). */
  get ref(): PodRef {
    if (this.shared?.uid !== this.pod.metadata.uid) this.shared = podRef(this.pod);
    return this.shared;
  }

  endpointKey(ip: string): string {
    if (this.keyIP !== ip) {
      this.keyIP = ip;
      this.key = endpointIdentity(ip, this.pod.metadata.name);
    }
    return this.key;
  }
}

/** A label map's `key=value` pairs, in its key order. */
function labelPairs(labels: Record<string, string>): string[] {
  const out: string[] = [];
  for (const k in labels) out.push(`${k}=${labels[k]}`);
  return out;
}

/** True when two label maps hold the same pairs. */
function sameLabels(a: Record<string, string>, b: Record<string, string> | undefined): boolean {
  let n = 0;
  for (const k in a) {
    if (b?.[k] !== a[k]) return false;
    n++;
  }
  let m = 0;
  for (const _ in b) m++;
  return n === m;
}

/** A Service's selector, when the endpoint controllers manage it (not ExternalName, non-empty selector). */
export function managedSelector(svc: Service): Record<string, string> | undefined {
  if (svc.spec?.type === "ExternalName") return undefined;
  const sel = svc.spec?.selector;
  if (!sel) return undefined;
  for (const _ in sel) return sel;
  return undefined;
}

/** A selector with its keys in order (one pair: itself). */
function sortedSelector(sel: Record<string, string>): Record<string, string> {
  const keys = Object.keys(sel);
  if (keys.length === 1) return sel;
  keys.sort();
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = sel[k]!;
  return out;
}

/** Pod and Service indexes, and a feed of Services whose endpoints may have changed. */
export class ServiceIndex {
  /** Latest pods by namespace and name (what the informer cache holds), with their indexed labels. */
  private readonly pods = new Map<string, Map<string, CachedPod>>();
  /** The cached pods themselves, not names: a lookup finds them without another map. */
  private readonly podsByPair: PairIndex<CachedPod> = new Map();
  private readonly svcSelectors = new Map<string, ServiceSelector>();
  /** Service key → its pods, shared by both endpoint controllers until a pod or the Service changes. */
  private readonly matched = new Map<string, readonly IndexedPod[]>();
  /** Per namespace, one selector pair of each managed Service → those Services' keys (`ns/name`). */
  private readonly svcsByPair: PairIndex<string> = new Map();
  private readonly listeners: ((svcKey: string) => void)[] = [];
  private readonly zones = new Map<string, string | undefined>();

  constructor(store: ObjectStore) {
    store.subscribe((e) => {
      if (e.kind === "Pod") this.onPod(e.object as Pod, e.type === "DELETED");
      else if (e.kind === "Service") this.onService(e.object as Service, e.type === "DELETED");
      else if (e.kind === "Node") this.onNode(e.object as Node, e.type === "DELETED");
    });
    for (const n of store.list("Node")) this.zones.set(n.metadata.name, n.metadata.labels?.[ZONE_LABEL]);
    for (const s of store.list("Service")) this.onService(s, false);
    for (const p of store.list("Pod")) this.onPod(p, false);
  }

  /** Registers a listener for dirty Service keys. */
  onDirty(listener: (svcKey: string) => void): void {
    this.listeners.push(listener);
  }

  private dirty(key: string): void {
    for (const l of this.listeners) l(key);
  }

  /** The node's zone label, as last seen. */
  zoneOf(node: string | undefined): string | undefined {
    return node === undefined ? undefined : this.zones.get(node);
  }

  private onNode(node: Node, deleted: boolean): void {
    const zone = deleted ? undefined : node.metadata.labels?.[ZONE_LABEL];
    const name = node.metadata.name;
    if (this.zones.has(name) && this.zones.get(name) === zone) return;
    const hadEntry = this.zones.has(name);
    if (deleted) this.zones.delete(name);
    else this.zones.set(name, zone);
    if (hadEntry || zone !== undefined) for (const key of this.svcSelectors.keys()) this.dirty(key);
  }

  private onService(svc: Service, deleted: boolean): void {
    const ns = svc.metadata.namespace ?? "default";
    const key = nsKey(ns, svc.metadata.name);
    const old = this.svcSelectors.get(key);
    if (old) {
      removeFrom(this.svcsByPair, ns, old.pairs[0]!, key);
      this.svcSelectors.delete(key);
    }
    this.matched.delete(key);
    const sel = deleted ? undefined : managedSelector(svc);
    if (sel) {
      const selector = sortedSelector(sel);
      const pairs = labelPairs(selector);
      this.svcSelectors.set(key, { ns, selector, pairs });
      addTo(this.svcsByPair, ns, pairs[0]!, key);
    }
    this.dirty(key);
  }

  private onPod(pod: Pod, deleted: boolean): void {
    const ns = pod.metadata.namespace ?? "default";
    const name = pod.metadata.name;
    let nsPods = this.pods.get(ns);
    if (!nsPods) {
      nsPods = new Map();
      this.pods.set(ns, nsPods);
    }
    const cached = nsPods.get(name);
    if (this.matched.size > 0) this.matched.clear();
    // A pod with no IP is in no Service's endpoints: while it has none, before
    // and after, its writes (creation, scheduling) change no endpoints.
    const endpointBefore = cached !== undefined && cached.pod.status?.podIP !== undefined;
    const endpointNow = !deleted && pod.status?.podIP !== undefined;
    if (!deleted && cached && sameLabels(cached.labels, pod.metadata.labels)) {
      // Same labels (status and spec updates): the indexes stay, the cached pod moves on.
      if (endpointBefore || endpointNow) this.markServices(ns, cached.labels, cached.pairs);
      cached.pod = pod;
      return;
    }
    const labels = deleted ? undefined : { ...pod.metadata.labels };
    const pairs = labels ? labelPairs(labels) : [];
    if (cached && endpointBefore) this.markServices(ns, cached.labels, cached.pairs);
    if (endpointNow) this.markServices(ns, labels, pairs);
    if (cached) for (const pair of cached.pairs) removeFrom(this.podsByPair, ns, pair, cached);
    if (labels) {
      const entry = new CachedPod(pod, labels, pairs);
      nsPods.set(name, entry);
      for (const pair of pairs) addTo(this.podsByPair, ns, pair, entry);
    } else {
      nsPods.delete(name);
    }
  }

  /** Marks every managed Service in `ns` whose selector matches `labels` (whose `key=value` pairs are `pairs`). */
  private markServices(
    ns: string,
    labels: Record<string, string> | undefined,
    pairs: readonly string[],
  ): void {
    if (!labels) return;
    const byPair = this.svcsByPair.get(ns);
    if (!byPair) return;
    for (const pair of pairs) {
      const svcs = byPair.get(pair);
      if (!svcs) continue;
      for (const key of svcs) {
        if (matchesSelector(this.svcSelectors.get(key)?.selector, labels)) this.dirty(key);
      }
    }
  }

  /**
   * The pods a managed Service selects, by its key, in name order (none for
   * Services the controllers do not manage). Not to be modified: both
   * endpoint controllers get the same list until a pod or the Service changes.
   */
  podsOf(svcKey: string): readonly IndexedPod[] {
    let pods = this.matched.get(svcKey);
    if (!pods) {
      const sel = this.svcSelectors.get(svcKey);
      pods = sel ? this.match(sel.ns, sel.selector, sel.pairs) : [];
      this.matched.set(svcKey, pods);
    }
    return pods;
  }

  /** Pods in the namespace whose labels match the selector (whose pairs are `pairs`), in name order. */
  private match(ns: string, selector: Record<string, string>, pairs: readonly string[]): IndexedPod[] {
    const byPair = this.podsByPair.get(ns);
    if (!byPair) return [];
    let smallest: Set<CachedPod> | undefined;
    for (const pair of pairs) {
      const set = byPair.get(pair);
      if (!set) return [];
      if (!smallest || set.size < smallest.size) smallest = set;
    }
    if (!smallest) return [];
    const out: IndexedPod[] = [];
    // With one pair, its set is the answer; otherwise the smallest set is checked against the rest.
    if (pairs.length === 1) for (const entry of smallest) out.push(entry);
    else {
      for (const entry of smallest) {
        if (matchesSelector(selector, entry.pod.metadata.labels)) out.push(entry);
      }
    }
    // Pods usually come back in creation order, which is often name order already.
    for (let i = 1; i < out.length; i++) {
      if (out[i - 1]!.pod.metadata.name > out[i]!.pod.metadata.name)
        return out.sort((a, b) => (a.pod.metadata.name < b.pod.metadata.name ? -1 : 1));
    }
    return out;
  }
}
