/**
 * The EndpointSlice reconciler (staging/src/k8s.io/endpointslice/reconciler.go,
 * `reconcileByAddressType`): keeps endpoints in the slices they are already in,
 * drops the ones that went away, fills free room before creating new slices
 * of at most 100, and leaves one empty placeholder slice when nothing matches.
 */

import { freshObjectMeta } from "../../api/timestamps";
import type { EndpointSlice, Service } from "../../api/types";
import type { Cluster } from "../../cluster";
import { canonicalJson, controllerRef } from "../objects";
import { generateName } from "../replicaset";
import { endpointKey, type PortGroup, type SliceEndpoint } from "./desired";
import { portSetKey } from "./endpointPorts";
import { ANNOTATION_TRIGGER_TIME, MAX_ENDPOINTS_PER_SLICE, sliceLabels, slicePrefix } from "./sliceMeta";

interface Working {
  slice: EndpointSlice;
  endpoints: SliceEndpoint[];
  ports: PortGroup["ports"];
}

function isPlaceholder(s: EndpointSlice): boolean {
  return (s.endpoints ?? []).length === 0 && (s.ports ?? []).length === 0 && s.addressType === "IPv4";
}

/**
 * Brings a Service's managed slices to the desired groups. `existing` are
 * the slices it manages now. Returns true when it wrote anything.
 */
export function reconcileSlices(
  cluster: Cluster,
  svc: Service,
  groups: Map<string, PortGroup>,
  existing: EndpointSlice[],
  now = cluster.clock.iso(),
): boolean {
  const ns = svc.metadata.namespace ?? "default";
  const placed = new Set<string>();
  const kept: Working[] = [];
  const toDelete: EndpointSlice[] = [];
  for (const slice of [...existing].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const group = slice.addressType === "IPv4" ? groups.get(portSetKey(slice.ports ?? [])) : undefined;
    if (!group) {
      toDelete.push(slice);
      continue;
    }
    const endpoints: SliceEndpoint[] = [];
    for (const e of slice.endpoints ?? []) {
      const k = endpointKey(e);
      const want = group.endpoints.get(k);
      if (!want || placed.has(k)) continue;
      placed.add(k);
      endpoints.push(want);
    }
    if (endpoints.length === 0) toDelete.push(slice);
    else kept.push({ slice, endpoints, ports: group.ports });
  }
  const toCreate: Working[] = [];
  for (const [key, group] of groups) {
    const rest = [...group.endpoints].filter(([k]) => !placed.has(k)).map(([, e]) => e);
    if (rest.length === 0) continue;
    // Fill slices that already hold this port set before creating new ones.
    for (const w of kept) {
      if (rest.length === 0) break;
      if (portSetKey(w.ports) !== key) continue;
      const room = MAX_ENDPOINTS_PER_SLICE - w.endpoints.length;
      if (room > 0) w.endpoints.push(...rest.splice(0, room));
    }
    while (rest.length > 0) {
      toCreate.push({
        slice: newSlice(cluster, svc, group.ports),
        endpoints: rest.splice(0, MAX_ENDPOINTS_PER_SLICE),
        ports: group.ports,
      });
    }
  }
  if (kept.length === 0 && toCreate.length === 0) {
    const only = toDelete.length === 1 ? toDelete[0] : undefined;
    if (only && isPlaceholder(only)) toDelete.length = 0;
    else toCreate.push({ slice: newSlice(cluster, svc, []), endpoints: [], ports: [] });
  }
  let changed = false;
  for (const s of toDelete) {
    cluster.store.remove("EndpointSlice", ns, s.metadata.name);
    changed = true;
  }
  const labels = sliceLabels(svc);
  for (const w of [...kept, ...toCreate]) changed = writeSlice(cluster, w, labels, now) || changed;
  return changed;
}

function newSlice(cluster: Cluster, svc: Service, ports: PortGroup["ports"]): EndpointSlice {
  const ns = svc.metadata.namespace ?? "default";
  const prefix = slicePrefix(svc);
  const name = generateName(cluster, prefix, (n) => cluster.store.get("EndpointSlice", ns, n) !== undefined);
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: freshObjectMeta(cluster, {
      name,
      generateName: prefix,
      namespace: ns,
      ownerReferences: [controllerRef("v1", "Service", svc.metadata)],
    }),
    addressType: "IPv4",
    endpoints: [],
    ports,
  };
}

/**
 * Writes a slice when its endpoints, ports or labels differ.
 *
 * NOTE: upstream stamps last-change-trigger-time with the time of the pod or
 * Service change that caused the update; we use the write time.
 */
function writeSlice(cluster: Cluster, w: Working, labels: Record<string, string>, now: string): boolean {
  const s = w.slice;
  const fresh = s.metadata.resourceVersion === "";
  if (
    !fresh &&
    canonicalJson(s.endpoints ?? []) === canonicalJson(w.endpoints) &&
    canonicalJson(s.ports ?? []) === canonicalJson(w.ports) &&
    canonicalJson(s.metadata.labels ?? {}) === canonicalJson(labels)
  ) {
    return false;
  }
  // The metadata is copied key by key, so every slice's metadata has one object shape.
  const metadata: Record<string, unknown> = {};
  for (const k of Object.keys(s.metadata)) metadata[k] = s.metadata[k as keyof typeof s.metadata];
  metadata.labels = labels;
  metadata.annotations = { ...s.metadata.annotations, [ANNOTATION_TRIGGER_TIME]: now };
  cluster.store.put("EndpointSlice", {
    ...s,
    metadata: metadata as unknown as EndpointSlice["metadata"],
    endpoints: w.endpoints,
    ports: w.ports,
  });
  return true;
}
