/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go):
 * the v1 Endpoints object `kubectl get ep` reads, one per Service with a
 * selector, its addresses repacked into subsets by port set (`RepackSubsets`).
 */

import { ipToNumber } from "../api/ipv4";
import { freshObjectMeta } from "../api/timestamps";
import type { Endpoints, Service } from "../api/types";
import type { Cluster } from "../cluster";
import { endpointHostname, portsResolver, shouldPodBeInEndpoints } from "./endpointslice/endpointPorts";
import { type IndexedPod, managedSelector, type ServiceIndex } from "./endpointslice/serviceIndex";
import { ANNOTATION_TRIGGER_TIME, isHeadless, LABEL_HEADLESS } from "./endpointslice/sliceMeta";
import { canonicalJson, isPodReady } from "./objects";
import { fnv32aString } from "./podTemplateHash";
import { splitKey, WorkQueue } from "./workQueue";

type Subset = NonNullable<Endpoints["subsets"]>[number];
type Address = NonNullable<Subset["addresses"]>[number];
type Port = NonNullable<Subset["ports"]>[number];

/** `--max-endpoints-per-subset`… the Endpoints object's capacity. */
export const MAX_ENDPOINTS = 1000;
export const ANNOTATION_OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
/** The label that keeps the mirroring controller off controller-managed Endpoints. */
export const LABEL_SKIP_MIRROR = "endpointslice.kubernetes.io/skip-mirror";

/** Address order (`endpoints.SortSubsets`): by IP as a number, then by the pod's UID. */
function sortAddresses(addresses: Address[]): Address[] {
  if (addresses.length < 2) return addresses;
  // Each IP parsed once, not once per comparison.
  const keyed = addresses.map((a) => ({ a, ip: ipToNumber(a.ip) ?? 0, uid: a.targetRef?.uid ?? "" }));
  keyed.sort((x, y) => x.ip - y.ip || (x.uid < y.uid ? -1 : x.uid > y.uid ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) addresses[i] = keyed[i]!.a;
  return addresses;
}

/** Orders by a hash of the object, as `endpoints.SortSubsets` does: stable, not meaningful. */
function byHash<T>(items: T[]): T[] {
  if (items.length < 2) return items;
  return items
    .map((x) => ({ x, h: fnv32aString(canonicalJson(x)) }))
    .sort((a, b) => a.h - b.h)
    .map((e) => e.x);
}

/** The subsets for a Service and its candidate pods, repacked and sorted. */
export function computeSubsets(svc: Service, pods: readonly IndexedPod[]): Subset[] {
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: Port[]; ready: Address[]; notReady: Address[] }>();
  const portsOf = portsResolver(svc);
  const noPorts = (svc.spec?.ports ?? []).length === 0;
  for (const { pod, ref } of pods) {
    if (!shouldPodBeInEndpoints(pod, publish)) continue;
    const { ports, key } = portsOf(pod);
    // A pod none of whose ports resolve is in no subset (headless Services without ports excepted).
    if (ports.length === 0 && !(noPorts && isHeadless(svc))) continue;
    const hostname = endpointHostname(pod, svc);
    const nodeName = pod.spec?.nodeName;
    // Keys in the API's field order, without spreads of throwaway objects.
    const address: Address = { ip: pod.status?.podIP ?? "" };
    if (hostname) address.hostname = hostname;
    if (nodeName) address.nodeName = nodeName;
    address.targetRef = ref;
    let g = groups.get(key);
    if (!g) {
      g = {
        ports: ports.map((p) => ({
          ...(p.name ? { name: p.name } : {}),
          port: p.port,
          protocol: p.protocol,
          ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
        })),
        ready: [],
        notReady: [],
      };
      groups.set(key, g);
    }
    (publish || isPodReady(pod) ? g.ready : g.notReady).push(address);
  }
  const subsets: Subset[] = [];
  for (const g of groups.values()) {
    const subset: Subset = {};
    if (g.ready.length) subset.addresses = sortAddresses(g.ready);
    if (g.notReady.length) subset.notReadyAddresses = sortAddresses(g.notReady);
    if (g.ports.length) subset.ports = byHash(g.ports);
    subsets.push(subset);
  }
  return byHash(subsets);
}

/**
 * Cuts subsets down to MAX_ENDPOINTS addresses.
 *
 * NOTE: upstream (`truncateEndpoints`) spreads the cut over subsets in
 * proportion to their size and prefers ready addresses; we keep ready
 * addresses first, then not-ready ones, in subset order.
 */
export function truncateSubsets(subsets: Subset[]): { subsets: Subset[]; truncated: boolean } {
  const total = subsets.reduce(
    (n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0),
    0,
  );
  if (total <= MAX_ENDPOINTS) return { subsets, truncated: false };
  let room = MAX_ENDPOINTS;
  const ready = subsets.map((s) => {
    const a = (s.addresses ?? []).slice(0, room);
    room -= a.length;
    return a;
  });
  const out = subsets.map((s, i) => {
    const nr = (s.notReadyAddresses ?? []).slice(0, room);
    room -= nr.length;
    const a = ready[i] ?? [];
    return {
      ...(a.length ? { addresses: a } : {}),
      ...(nr.length ? { notReadyAddresses: nr } : {}),
      ...(s.ports ? { ports: s.ports } : {}),
    };
  });
  return { subsets: out.filter((s) => s.addresses || s.notReadyAddresses), truncated: true };
}

/** Installs the Endpoints controller; returns its reconciler. */
export function installEndpointsController(cluster: Cluster, index: ServiceIndex): { sync(): boolean } {
  const queue = new WorkQueue();
  const adopted = cluster.adoption;
  index.onDirty((key) => {
    adopted.touch("endpoints", key);
    queue.add(key);
  });
  for (const s of cluster.store.list("Service"))
    queue.add(`${s.metadata.namespace ?? "default"}/${s.metadata.name}`);

  const sync = (key: string, now: string): boolean => {
    const [ns, name] = splitKey(key);
    const svc = cluster.store.get("Service", ns, name);
    const current = cluster.store.get("Endpoints", ns, name);
    if (adopted.holds("endpoints", key)) return false;
    if (!svc) {
      // The Service is gone: so are its Endpoints.
      return current ? cluster.store.remove("Endpoints", ns, name) !== undefined : false;
    }
    if (!managedSelector(svc)) return false;
    const { subsets, truncated } = truncateSubsets(computeSubsets(svc, index.podsOf(key)));
    const labels: Record<string, string> = { ...svc.metadata.labels, [LABEL_SKIP_MIRROR]: "true" };
    if (isHeadless(svc)) labels[LABEL_HEADLESS] = "";
    else delete labels[LABEL_HEADLESS];
    const annotations: Record<string, string> = { ...current?.metadata.annotations };
    if (truncated) annotations[ANNOTATION_OVER_CAPACITY] = "truncated";
    else delete annotations[ANNOTATION_OVER_CAPACITY];
    if (
      current &&
      canonicalJson(current.subsets ?? []) === canonicalJson(subsets) &&
      canonicalJson(current.metadata.labels ?? {}) === canonicalJson(labels) &&
      (current.metadata.annotations?.[ANNOTATION_OVER_CAPACITY] ?? "") ===
        (annotations[ANNOTATION_OVER_CAPACITY] ?? "")
    ) {
      return false;
    }
    // NOTE: upstream stamps the time of the triggering change; we use the write time.
    annotations[ANNOTATION_TRIGGER_TIME] = now;
    const meta = current
      ? { ...current.metadata, labels, annotations }
      : freshObjectMeta(cluster, { name, namespace: ns, labels, annotations });
    cluster.store.put("Endpoints", {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: meta,
      ...(subsets.length ? { subsets } : {}),
    });
    return true;
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
