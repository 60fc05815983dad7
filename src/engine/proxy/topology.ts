/**
 * Which endpoints a service port uses on a node: kube-proxy's
 * `CategorizeEndpoints` (`pkg/proxy/topology.go`), once for every mode.
 *
 * Cluster endpoints are the ready ones, or, when none is ready, the serving
 * and terminating ones. Local endpoints are the same selection among those
 * on this node. NOTE: topology hints and trafficDistribution are not
 * applied; real kube-proxy narrows the cluster endpoints to the node's zone
 * when every endpoint has usable hints.
 */
import { type PolicyFacts, usesClusterEndpoints, usesLocalEndpoints } from "./servicePort";

/** What categorisation reads of an endpoint. */
export interface EndpointState {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** A port's endpoints split as kube-proxy splits them. */
export interface CategorizedEndpoints<E> {
  /** For traffic under a Cluster policy (empty when the port never uses them). */
  cluster: E[];
  /** For traffic under a Local policy (empty when the port never uses them). */
  local: E[];
  /** Every endpoint some chain of this node reaches, in the endpoints' order. */
  allReachable: E[];
  /** Usable endpoints exist somewhere in the cluster. */
  hasAny: boolean;
}

/** The empty selection every port without such endpoints shares (never written to). */
const NONE: never[] = [];

/** Ready endpoints, or the serving-and-terminating ones when none is ready (the same array when all are ready). */
function usable<E extends EndpointState>(eps: readonly E[]): E[] {
  let allReady = true;
  for (const e of eps) if (!e.ready) allReady = false;
  if (allReady) return eps as E[];
  const ready = eps.filter((e) => e.ready);
  return ready.length > 0 ? ready : eps.filter((e) => e.serving && e.terminating);
}

/**
 * `CategorizeEndpoints` for one service port; `isLocal` says whether an
 * endpoint runs on this node.
 */
export function categorizeEndpoints<E extends EndpointState>(
  sp: PolicyFacts,
  endpoints: readonly E[],
  isLocal: (e: E) => boolean,
): CategorizedEndpoints<E> {
  const useCluster = usesClusterEndpoints(sp);
  const cluster = useCluster ? usable(endpoints) : NONE;
  let hasAny = cluster.length > 0;
  if (!usesLocalEndpoints(sp)) return { cluster, local: NONE, allReachable: cluster, hasAny };
  hasAny ||= endpoints.some((e) => e.ready || (e.serving && e.terminating));
  const local = usable(endpoints.filter(isLocal));
  if (!useCluster) return { cluster, local, allReachable: local, hasAny };
  if (local.length === 0 || local.every((e) => cluster.includes(e)))
    return { cluster, local, allReachable: cluster, hasAny };
  const union = new Set<E>([...cluster, ...local]);
  return { cluster, local, allReachable: endpoints.filter((e) => union.has(e)), hasAny };
}
