/**
 * Which endpoints a ServicePort uses on a node: kube-proxy's
 * `CategorizeEndpoints` (`pkg/proxy/topology.go`).
 * NOTE: topology hints / trafficDistribution are not modelled: every ready
 * endpoint is a cluster endpoint, as when no hints are usable.
 */
import type { EndpointInfo, ServicePortInfo } from "./servicePorts";
import { externallyAccessible } from "./servicePorts";

export interface Categorized {
  clusterEndpoints: EndpointInfo[];
  localEndpoints: EndpointInfo[];
  /** Union of both, in sorted order: the endpoint chains to write. */
  allReachable: EndpointInfo[];
  /** Usable endpoints anywhere in the cluster. */
  hasAnyEndpoints: boolean;
}

/** iTP Cluster, or external traffic with eTP Cluster. */
export function usesClusterEndpoints(s: ServicePortInfo): boolean {
  return !s.internalPolicyLocal || (externallyAccessible(s) && !s.externalPolicyLocal);
}

/** iTP Local, or external traffic with eTP Local. */
export function usesLocalEndpoints(s: ServicePortInfo): boolean {
  return s.internalPolicyLocal || s.externalPolicyLocal;
}

export function categorize(s: ServicePortInfo): Categorized {
  const eps = s.endpoints;
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(s)) {
    clusterEndpoints = eps.filter((e) => e.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = eps.filter((e) => e.serving && e.terminating);
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(s))
    return { clusterEndpoints, localEndpoints, allReachable: clusterEndpoints, hasAnyEndpoints };
  let localReady = false;
  let localServingTerminating = false;
  for (const e of eps) {
    if (e.ready) {
      hasAnyEndpoints = true;
      localReady ||= e.local;
    } else if (e.serving && e.terminating) {
      hasAnyEndpoints = true;
      localServingTerminating ||= e.local;
    }
  }
  if (localReady) localEndpoints = eps.filter((e) => e.local && e.ready);
  else if (localServingTerminating) localEndpoints = eps.filter((e) => e.local && e.serving && e.terminating);
  if (!usesClusterEndpoints(s))
    return { clusterEndpoints, localEndpoints, allReachable: localEndpoints, hasAnyEndpoints };
  const union = new Set([...clusterEndpoints, ...localEndpoints]);
  const allReachable = eps.filter((e) => union.has(e));
  return { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints };
}
