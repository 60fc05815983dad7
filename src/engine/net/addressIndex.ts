/**
 * Keeps one cluster's AddressIndex up to date from the store's watch
 * events instead of rebuilding it after every change: a Pod or Service
 * event touches only its own entries, a Node event marks the node part for
 * a rebuild on the next read, and any other kind is ignored.
 */

import { addToIp, formatCidr, numberToIp, parseCidr } from "../api/ipv4";
import type { StoreEvent } from "../api/store";
import type { Node, Pod, Service } from "../api/types";
import type { Cluster } from "../cluster";
import { type AddressIndex, cidrLookup, type NodeAddress, type PodAddress } from "./addresses";

/** Store order of namespaced objects: `namespace/name`, compared as strings. */
function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
}

function serviceKey(svc: Service): string {
  return `${svc.metadata.namespace ?? "default"}/${svc.metadata.name}`;
}

function keyOfPodAddress(p: PodAddress): string {
  return `${p.namespace}/${p.name}`;
}

/**
 * Addresses claimed by several objects: the object last in store order
 * wins, as it did when the index was built by one pass over the store.
 * An address with one claimant (the usual case) costs one map entry.
 */
class Claims<T> {
  /** The single claimant's key, for addresses only one object claims. */
  private readonly owner = new Map<string, string>();
  /** Every claimant, for addresses several objects claim. */
  private readonly shared = new Map<string, { key: string; value: T }[]>();
  constructor(private readonly winners: Map<string, T>) {}

  add(ip: string, key: string, value: T): void {
    const list = this.shared.get(ip);
    if (list) {
      const i = list.findIndex((c) => c.key === key);
      if (i >= 0) list[i] = { key, value };
      else list.push({ key, value });
      this.elect(ip, list);
      return;
    }
    const single = this.owner.get(ip);
    if (single === undefined || single === key) {
      this.owner.set(ip, key);
      this.winners.set(ip, value);
      return;
    }
    const both = [
      { key: single, value: this.winners.get(ip) as T },
      { key, value },
    ];
    this.owner.delete(ip);
    this.shared.set(ip, both);
    this.elect(ip, both);
  }

  remove(ip: string, key: string): void {
    const list = this.shared.get(ip);
    if (!list) {
      if (this.owner.get(ip) !== key) return;
      this.owner.delete(ip);
      this.winners.delete(ip);
      return;
    }
    const i = list.findIndex((c) => c.key === key);
    if (i < 0) return;
    list.splice(i, 1);
    if (list.length === 1) {
      this.shared.delete(ip);
      this.owner.set(ip, list[0]!.key);
    }
    this.elect(ip, list);
  }

  private elect(ip: string, list: { key: string; value: T }[]): void {
    let best = list[0]!;
    for (const c of list) if (c.key > best.key) best = c;
    this.winners.set(ip, best.value);
  }
}

/** Inserts `p` into a list kept in store order. */
function insertSorted(list: PodAddress[], p: PodAddress): void {
  const key = keyOfPodAddress(p);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOfPodAddress(list[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, p);
}

function removeFrom(list: PodAddress[] | undefined, p: PodAddress): void {
  if (!list) return;
  const i = list.indexOf(p);
  if (i >= 0) list.splice(i, 1);
}

function serviceIps(svc: Service): { cluster: string[]; external: string[] } {
  const spec = svc.spec;
  const cluster = (spec?.clusterIPs ?? (spec?.clusterIP ? [spec.clusterIP] : [])).filter(
    (ip) => ip !== "None",
  );
  const external = [...(spec?.externalIPs ?? [])];
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) external.push(ing.ip);
  return { cluster, external };
}

function nodeAddress(node: Node): NodeAddress {
  const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
  const podCidr = node.spec?.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
  return {
    name: node.metadata.name,
    ip,
    podCidr,
    bridgeIp: podCidr && numberToIp(addToIp(podCidr.network, 1)),
    podCidrText: podCidr && formatCidr(podCidr),
  };
}

/** One cluster's index and the bookkeeping that keeps it current. */
export class LiveAddressIndex {
  readonly index: AddressIndex;
  private readonly podClaims: Claims<PodAddress>;
  private readonly clusterClaims: Claims<Service>;
  private readonly externalClaims: Claims<Service>;
  /** Pods by node name, for every node name pods name (podsByNode shows the known nodes'). */
  private readonly podsOnNode = new Map<string, PodAddress[]>();
  private readonly services = new Map<string, Service>();
  private nodesDirty = true;

  constructor(private readonly cluster: Cluster) {
    this.index = {
      mode: cluster.config.proxyMode,
      nodes: [],
      podCidrs: new Map(),
      nodeByName: new Map(),
      nodeByIp: new Map(),
      podByIp: new Map(),
      podByName: new Map(),
      podsByNode: new Map(),
      clusterIps: new Map(),
      externalIps: new Map(),
    };
    this.podClaims = new Claims(this.index.podByIp);
    this.clusterClaims = new Claims(this.index.clusterIps);
    this.externalClaims = new Claims(this.index.externalIps);
    const store = cluster.store;
    // The store lists pods in key order: each one goes at the end of its node's list.
    for (const pod of store.list("Pod")) this.addPod(pod, true);
    for (const svc of store.list("Service")) this.addService(svc);
    store.subscribe((e) => this.onEvent(e));
  }

  /** The index as of now (node part rebuilt if a Node changed since the last read). */
  current(): AddressIndex {
    this.index.mode = this.cluster.config.proxyMode;
    if (this.nodesDirty) this.rebuildNodes();
    return this.index;
  }

  private onEvent(e: StoreEvent): void {
    if (e.kind === "Node") {
      this.nodesDirty = true;
    } else if (e.kind === "Pod") {
      if (e.old) this.removePod(e.old as Pod);
      if (e.type !== "DELETED") this.addPod(e.object as Pod);
    } else if (e.kind === "Service") {
      if (e.old) this.removeService(e.old as Service);
      if (e.type !== "DELETED") this.addService(e.object as Service);
    }
  }

  private rebuildNodes(): void {
    this.nodesDirty = false;
    const { index } = this;
    index.nodes = [];
    index.nodeByName.clear();
    index.nodeByIp.clear();
    index.podsByNode.clear();
    for (const node of this.cluster.store.list("Node")) {
      const entry = nodeAddress(node);
      index.nodes.push(entry);
      index.nodeByName.set(entry.name, entry);
      if (entry.ip) index.nodeByIp.set(entry.ip, entry);
      index.podsByNode.set(entry.name, this.podsOf(entry.name));
    }
    index.podCidrs = cidrLookup(index.nodes);
  }

  private podsOf(node: string): PodAddress[] {
    let list = this.podsOnNode.get(node);
    if (!list) {
      list = [];
      this.podsOnNode.set(node, list);
    }
    return list;
  }

  private addPod(pod: Pod, inOrder = false): void {
    const entry: PodAddress = {
      namespace: pod.metadata.namespace ?? "default",
      name: pod.metadata.name,
      ip: pod.status?.podIP,
      node: pod.spec?.nodeName,
      hostNetwork: pod.spec?.hostNetwork === true,
      pod,
    };
    const key = podKey(pod);
    this.index.podByName.set(key, entry);
    if (entry.ip && !entry.hostNetwork && pod.metadata.deletionTimestamp === undefined)
      this.podClaims.add(entry.ip, key, entry);
    if (!entry.node) return;
    if (inOrder) this.podsOf(entry.node).push(entry);
    else insertSorted(this.podsOf(entry.node), entry);
  }

  private removePod(old: Pod): void {
    const key = podKey(old);
    const entry = this.index.podByName.get(key);
    if (!entry) return;
    this.index.podByName.delete(key);
    if (entry.ip) this.podClaims.remove(entry.ip, key);
    if (entry.node) removeFrom(this.podsOnNode.get(entry.node), entry);
  }

  private addService(svc: Service): void {
    const key = serviceKey(svc);
    this.services.set(key, svc);
    const ips = serviceIps(svc);
    for (const ip of ips.cluster) this.clusterClaims.add(ip, key, svc);
    for (const ip of ips.external) this.externalClaims.add(ip, key, svc);
  }

  private removeService(old: Service): void {
    const key = serviceKey(old);
    const svc = this.services.get(key);
    if (!svc) return;
    this.services.delete(key);
    const ips = serviceIps(svc);
    for (const ip of ips.cluster) this.clusterClaims.remove(ip, key);
    for (const ip of ips.external) this.externalClaims.remove(ip, key);
  }
}
