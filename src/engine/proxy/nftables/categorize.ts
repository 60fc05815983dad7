/**
 * Which endpoints a ServicePort uses on a node: kube-proxy's
 * `CategorizeEndpoints` (`pkg/proxy/topology.go`).
 * NOTE: topology hints / trafficDistribution are not modelled: every ready
 * endpoint is a cluster endpoint, as when no hints are usable.
 */
import { usesClusterEndpoints, usesLocalEndpoints } from "../servicePort";
import { categorizeEndpoints } from "../topology";
import { endpointMeta, LOCAL, READY, SERVING, TERMINATING } from "./packed";
import type { EndpointInfo, PortSpec, ServicePortInfo } from "./servicePorts";

export { usesClusterEndpoints, usesLocalEndpoints };

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

/** The shared `categorizeEndpoints`, under the names the nftables writer reads. */
export function categorize(s: ServicePortInfo): Categorized {
  const c = categorizeEndpoints(s, s.endpoints, (e: EndpointInfo) => e.local);
  return {
    clusterEndpoints: c.cluster,
    localEndpoints: c.local,
    allReachable: c.allReachable,
    hasAnyEndpoints: c.hasAny,
  };
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
    const local = endpointMeta.has(m, LOCAL);
    if (endpointMeta.has(m, READY)) {
      ready++;
      if (local) localReady++;
    } else if (endpointMeta.has(m, SERVING_TERMINATING)) {
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
        if (endpointMeta.has(m, LOCAL | localBit) && !endpointMeta.has(m, clusterBit)) reachableCount++;
  }
  return { clusterCount, localCount, reachableCount, hasAnyEndpoints };
}
