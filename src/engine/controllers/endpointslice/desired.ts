/** The endpoints a Service should have, grouped by resolved port set (§6.2, §6.3). */
import type { EndpointSlice, Pod, Service } from "../../api/types";
import { isPodReady } from "../objects";
import {
  endpointHostname,
  endpointPorts,
  podRef,
  portSetKey,
  type ResolvedPort,
  shouldPodBeInEndpoints,
} from "./endpointPorts";

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
  return `${e.addresses[0] ?? ""}|${e.targetRef?.name ?? ""}`;
}

/** `podToEndpoint`: address, conditions, hostname, nodeName, zone and targetRef of one pod. */
export function podToEndpoint(pod: Pod, svc: Service, zone: string | undefined): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const hostname = endpointHostname(pod, svc);
  return {
    addresses: [pod.status?.podIP ?? ""],
    conditions: { ready: publish || (serving && !terminating), serving, terminating },
    ...(hostname ? { hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone ? { zone } : {}),
    targetRef: podRef(pod),
  };
}

/** Groups the candidate pods' endpoints by port set. */
export function desiredGroups(
  svc: Service,
  pods: Pod[],
  zoneOf: (node: string | undefined) => string | undefined,
): Map<string, PortGroup> {
  const groups = new Map<string, PortGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = portSetKey(ports);
    let g = groups.get(key);
    if (!g) {
      g = { ports, endpoints: new Map() };
      groups.set(key, g);
    }
    const ep = podToEndpoint(pod, svc, zoneOf(pod.spec?.nodeName));
    g.endpoints.set(endpointKey(ep), ep);
  }
  return groups;
}
