/** The endpoints a Service should have, grouped by resolved port set (`pkg/controller/endpointslice/reconciler.go`). */
import type { EndpointSlice, Pod, Service } from "../../api/types";
import { isPodReady } from "../objects";
import {
  endpointHostname,
  endpointIdentity,
  type PodRef,
  portsResolver,
  type ResolvedPort,
  shouldPodBeInEndpoints,
} from "./endpointPorts";
import type { IndexedPod } from "./serviceIndex";

/** One EndpointSlice endpoint. */
export type SliceEndpoint = NonNullable<EndpointSlice["endpoints"]>[number];

/** Endpoints sharing one port set. */
export interface PortGroup {
  ports: ResolvedPort[];
  /** Endpoints by identity (IP + pod name), in pod name order. */
  endpoints: Map<string, SliceEndpoint>;
}

/** The identity of an endpoint inside a Service's slices. */
export function endpointKey(e: SliceEndpoint): string {
  return endpointIdentity(e.addresses[0] ?? "", e.targetRef?.name ?? "");
}

type Conditions = SliceEndpoint["conditions"];

/** The eight condition sets, shared and frozen: every endpoint holds one of them. */
const CONDITIONS: readonly Conditions[] = Array.from({ length: 8 }, (_, i) =>
  Object.freeze({ ready: (i & 4) !== 0, serving: (i & 2) !== 0, terminating: (i & 1) !== 0 }),
);

/** `podToEndpoint`: address, conditions, hostname, nodeName, zone and targetRef of one pod. */
export function podToEndpoint(pod: Pod, ref: PodRef, svc: Service, zone: string | undefined): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const hostname = endpointHostname(pod, svc);
  const nodeName = pod.spec?.nodeName;
  // Keys assigned in the API's field order (what -o yaml prints), without spreads of throwaway objects.
  const ep: SliceEndpoint = {
    addresses: [pod.status?.podIP ?? ""],
    conditions: CONDITIONS[(ready ? 4 : 0) | (serving ? 2 : 0) | (terminating ? 1 : 0)]!,
  };
  if (hostname) ep.hostname = hostname;
  if (nodeName) ep.nodeName = nodeName;
  if (zone) ep.zone = zone;
  ep.targetRef = ref;
  return ep;
}

/** Groups the candidate pods' endpoints by port set. */
export function desiredGroups(
  svc: Service,
  pods: readonly IndexedPod[],
  zoneOf: (node: string | undefined) => string | undefined,
): Map<string, PortGroup> {
  const groups = new Map<string, PortGroup>();
  const portsOf = portsResolver(svc);
  for (const indexed of pods) {
    const { pod, ref } = indexed;
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const { ports, key } = portsOf(pod);
    let g = groups.get(key);
    if (!g) {
      g = { ports, endpoints: new Map() };
      groups.set(key, g);
    }
    const ep = podToEndpoint(pod, ref, svc, zoneOf(pod.spec?.nodeName));
    g.endpoints.set(indexed.endpointKey(ep.addresses[0]!), ep);
  }
  return groups;
}
