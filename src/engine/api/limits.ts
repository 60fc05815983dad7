/**
 * What one simulated cluster holds at most. A real cluster has no such limits (or far larger
 * ones), but Packetwalk runs in a browser tab: past these, a write is refused up front with a
 * Forbidden that says which limit it hit, as a ResourceQuota would refuse it, instead of an apply
 * that never returns. docs/emulation.md lists them.
 */
import type { Cluster } from "../cluster";
import type { ErrorContext } from "./errors";
import { forbidden } from "./errors";
import type { ObjectStore } from "./store";
import type { AnyObject, Kind } from "./types";

export interface ClusterLimits {
  /** Pod objects in the cluster (the ReplicaSet controller stops creating past it). */
  pods: number;
  /** `spec.replicas` of one Deployment or ReplicaSet. */
  replicas: number;
  /** Nodes (a fresh cluster's Nodes, and any created later). */
  nodes: number;
  /** Objects of any other one kind (Services, ConfigMaps, Namespaces, ...). */
  objectsPerKind: number;
  /** One object's size as JSON: the API server's request body limit (3 MiB). */
  objectBytes: number;
}

/** The limits of a Simulation. */
export const DEFAULT_LIMITS: ClusterLimits = {
  pods: 5000,
  replicas: 5000,
  nodes: 100,
  objectsPerKind: 10_000,
  objectBytes: 3 * 1024 * 1024,
};

const WORKLOADS: ReadonlySet<Kind> = new Set<Kind>(["Deployment", "ReplicaSet"]);

type Loose = AnyObject & { spec?: { replicas?: number } };

function replicasOf(o: AnyObject): number {
  const r = (o as Loose).spec?.replicas;
  return typeof r === "number" ? r : 1;
}

/** The pods one object asks for: a Deployment's replicas, a ReplicaSet's of its own, a bare Pod itself. */
function demandOf(kind: Kind, o: AnyObject): number {
  if (kind === "Deployment") return replicasOf(o);
  if (kind === "ReplicaSet") {
    return o.metadata.ownerReferences?.some((r) => r.kind === "Deployment") ? 0 : replicasOf(o);
  }
  if (kind === "Pod") return o.metadata.ownerReferences?.length ? 0 : 1;
  return 0;
}

/**
 * The pods the cluster's workloads and bare pods ask for, kept up to date from the store's events
 * (a sum over every object per write would make a 100,000-pod apply quadratic).
 */
export class PodDemand {
  private total = 0;

  constructor(store: ObjectStore) {
    for (const kind of ["Deployment", "ReplicaSet", "Pod"] as const) {
      for (const o of store.values(kind)) this.total += demandOf(kind, o);
    }
    store.subscribe((e) => {
      if (e.kind !== "Deployment" && e.kind !== "ReplicaSet" && e.kind !== "Pod") return;
      if (e.old) this.total -= demandOf(e.kind, e.old);
      if (e.type !== "DELETED") this.total += demandOf(e.kind, e.object);
    });
  }

  /** The demand with `obj` written in place of `old`. */
  with(kind: Kind, obj: AnyObject, old: AnyObject | undefined): number {
    return this.total - (old ? demandOf(kind, old) : 0) + demandOf(kind, obj);
  }
}

/**
 * Throws Forbidden when writing `obj` (replacing `old`) would pass a limit. Called after
 * validation, so an invalid object gets its real Invalid message first.
 */
export function checkLimits(
  cluster: Cluster,
  demand: PodDemand,
  kind: Kind,
  obj: AnyObject,
  old: AnyObject | undefined,
  ctx?: ErrorContext,
): void {
  const limits = cluster.limits;
  const name = obj.metadata.name;
  const refuse = (why: string) =>
    forbidden(kind, name, `${why} (Packetwalk's limit; see docs/emulation.md)`, ctx);
  const bytes = JSON.stringify(obj).length;
  if (bytes > limits.objectBytes)
    throw refuse(`the object is ${bytes} bytes, over the ${limits.objectBytes} one object may take`);
  if (WORKLOADS.has(kind) && replicasOf(obj) > limits.replicas) {
    throw refuse(
      `spec.replicas: ${replicasOf(obj)} is more than the ${limits.replicas} one workload may ask for`,
    );
  }
  if (kind === "Node" && !old && cluster.store.count("Node") >= limits.nodes) {
    throw refuse(`the cluster already has ${limits.nodes} nodes, as many as it may hold`);
  }
  if (WORKLOADS.has(kind) || (kind === "Pod" && !old && !obj.metadata.ownerReferences?.length)) {
    const want = demand.with(kind, obj, old);
    if (want > limits.pods && (!old || demandOf(kind, obj) > demandOf(kind, old))) {
      throw refuse(`the cluster's workloads would ask for ${want} pods, over the ${limits.pods} it may hold`);
    }
  }
  if (!old && kind !== "Pod" && kind !== "Node" && cluster.store.count(kind) >= limits.objectsPerKind) {
    throw refuse(
      `the cluster already has ${limits.objectsPerKind} objects of this kind, as many as it may hold`,
    );
  }
}
