/**
 * Which endpoints a ServicePort uses on a node: kube-proxy's
 * `CategorizeEndpoints` (`pkg/proxy/topology.go`).
 * NOTE: topology hints / trafficDistribution are not modelled: every ready
 * endpoint is a cluster endpoint, as when no hints are usable.
 */
import { LOCAL, READY, SERVING, TERMINATING } from "./endpoints";
import type { EndpointInfo, PortSpec, ServicePortInfo } from "./servicePorts";
import { externallyAccessible } from "./servicePorts";

export interface Categorized {
  clusterEndpoints: EndpointInfo[];
  localEndpoints: EndpointInfo[];
  /** Union of both, in sorted order: the endpoint chains to write. */
  allReachable: EndpointInfo[];
  /** Usable endpoints anywhere in the cluster. */
  hasAnyEndpoints: boolean;
}

/** How many endpoints each category holds: what the map elements and the table's size depend on. */
export interface CategoryCounts {
  clusterCount: number;
  localCount: number;
  reachableCount: number;
  hasAnyEndpoints: boolean;
}

/** iTP Cluster, or external traffic with eTP Cluster. */
export function usesClusterEndpoints(s: PortSpec): boolean {
  return !s.internalPolicyLocal || (externallyAccessible(s) && !s.externalPolicyLocal);
}

/** iTP Local, or external traffic with eTP Local. */
export function usesLocalEndpoints(s: PortSpec): boolean {
  return s.internalPolicyLocal || s.externalPolicyLocal;
}

/** `categorize`, on its own terms. */
export function categorize(s: ServicePortInfo): Categorized {
  const eps = s.endpoints;
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(s)) {
    // Usually every endpoint is ready: share the list rather than copy it.
    clusterEndpoints = eps.every((e) => e.ready) ? eps : eps.filter((e) => e.ready);
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

const SERVING_TERMINATING = SERVING | TERMINATING;

/**
 * `categorize`'s sizes, counted over the compact endpoints without
 * building any list (the same rules, flag by flag).
 */
export function countCategories(s: PortSpec): CategoryCounts {
  const meta = s.eps.meta;
  const useCluster = usesClusterEndpoints(s);
  const useLocal = usesLocalEndpoints(s);
  let ready = 0;
  let servingTerminating = 0;
  let localReady = 0;
  let localServingTerminating = 0;
  for (const m of meta) {
    const local = (m & LOCAL) !== 0;
    if (m & READY) {
      ready++;
      if (local) localReady++;
    } else if ((m & SERVING_TERMINATING) === SERVING_TERMINATING) {
      servingTerminating++;
      if (local) localServingTerminating++;
    }
  }
  const clusterCount = useCluster ? (ready > 0 ? ready : servingTerminating) : 0;
  const localCount = useLocal ? (localReady > 0 ? localReady : localServingTerminating) : 0;
  const hasAnyEndpoints = clusterCount > 0 || (useLocal && ready + servingTerminating > 0);
  let reachableCount = useLocal ? localCount : clusterCount;
  if (useCluster && useLocal) {
    // Union: every cluster endpoint, plus local ones outside the cluster set.
    const clusterBit = ready > 0 ? READY : SERVING_TERMINATING;
    const localBit = localReady > 0 ? READY : SERVING_TERMINATING;
    reachableCount = clusterCount;
    if (localCount > 0 && clusterBit !== localBit)
      for (const m of meta)
        if (m & LOCAL && (m & localBit) === localBit && (m & clusterBit) !== clusterBit) reachableCount++;
  }
  return { clusterCount, localCount, reachableCount, hasAnyEndpoints };
}
