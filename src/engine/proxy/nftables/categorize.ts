/**
 * Which endpoints a ServicePort uses on a node: kube-proxy's
 * `CategorizeEndpoints` (`pkg/proxy/topology.go`).
 * NOTE: topology hints / trafficDistribution are not modelled: every ready
 * endpoint is a cluster endpoint, as when no hints are usable.
 */
import { usesClusterEndpoints, usesLocalEndpoints } from "../servicePort";
import { categorizeEndpoints } from "../topology";
import type { NftEndpointInfo, ServicePortInfo } from "./servicePorts";

export { usesClusterEndpoints, usesLocalEndpoints };

export interface Categorized {
  clusterEndpoints: NftEndpointInfo[];
  localEndpoints: NftEndpointInfo[];
  /** Union of both, in sorted order: the endpoint chains to write. */
  allReachable: NftEndpointInfo[];
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
  const c = categorizeEndpoints(s, s.endpoints, (e: NftEndpointInfo) => e.local);
  return {
    clusterEndpoints: c.cluster,
    localEndpoints: c.local,
    allReachable: c.allReachable,
    hasAnyEndpoints: c.hasAny,
  };
}

/** The sizes the map elements and the table's shape depend on. */
export function countsOf(c: Categorized): CategoryCounts {
  return {
    clusterCount: c.clusterEndpoints.length,
    localCount: c.localEndpoints.length,
    reachableCount: c.allReachable.length,
    hasAnyEndpoints: c.hasAnyEndpoints,
  };
}
