/** Deployment status and conditions (pkg/controller/deployment/sync.go, util/deployment_util.go). */

import type { Deployment, ReplicaSet } from "../api/types";
import type { Cluster } from "../cluster";

type DeploymentCondition = NonNullable<NonNullable<Deployment["status"]>["conditions"]>[number];

/** Resolves an IntOrString against a total, rounding up (maxSurge) or down (maxUnavailable). */
export function resolveIntOrPercent(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
  dflt: string,
): number {
  const v = value ?? dflt;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** `MaxSurge(deployment)`: 0 for Recreate, else rollingUpdate.maxSurge (default 25%, rounded up). */
export function maxSurge(d: Deployment): number {
  if (d.spec?.strategy?.type === "Recreate") return 0;
  return resolveIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge, d.spec?.replicas ?? 1, true, "25%");
}

/** `MaxUnavailable(deployment)`: 0 for Recreate, else rollingUpdate.maxUnavailable (default 25%, rounded down). */
export function maxUnavailable(d: Deployment): number {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type === "Recreate" || replicas === 0) return 0;
  const n = resolveIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxUnavailable, replicas, false, "25%");
  return Math.min(n, replicas);
}

function setCondition(
  list: DeploymentCondition[],
  next: DeploymentCondition,
  now: string,
): DeploymentCondition[] {
  const prev = list.find((c) => c.type === next.type);
  if (prev && prev.status === next.status && prev.reason === next.reason && prev.message === next.message)
    return list;
  const lastTransitionTime = prev && prev.status === next.status ? prev.lastTransitionTime : now;
  const cond = { ...next, lastUpdateTime: now, lastTransitionTime };
  return prev ? list.map((c) => (c.type === next.type ? cond : c)) : [...list, cond];
}

/** The status the deployment controller computes from the Deployment's ReplicaSets. */
export function deploymentStatus(
  cluster: Cluster,
  d: Deployment,
  newRS: ReplicaSet,
  all: ReplicaSet[],
  created: boolean,
): NonNullable<Deployment["status"]> {
  const replicas = d.spec?.replicas ?? 1;
  const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  const total = sum((rs) => rs.status?.replicas);
  const ready = sum((rs) => rs.status?.readyReplicas);
  const available = sum((rs) => rs.status?.availableReplicas);
  const updated = newRS.status?.replicas ?? 0;
  const unavailable = Math.max(0, sum((rs) => rs.spec?.replicas ?? 1) - available);
  const now = cluster.clock.iso();
  let conditions = d.status?.conditions ?? [];
  const minAvailable = replicas - maxUnavailable(d);
  conditions = setCondition(
    conditions,
    available >= minAvailable
      ? {
          type: "Available",
          status: "True",
          reason: "MinimumReplicasAvailable",
          message: "Deployment has minimum availability.",
        }
      : {
          type: "Available",
          status: "False",
          reason: "MinimumReplicasUnavailable",
          message: "Deployment does not have minimum availability.",
        },
    now,
  );
  const rsName = newRS.metadata.name;
  const complete = updated === replicas && available === replicas && total === replicas;
  const progressing: DeploymentCondition = created
    ? {
        type: "Progressing",
        status: "True",
        reason: "NewReplicaSetCreated",
        message: `Created new replica set "${rsName}"`,
      }
    : complete
      ? {
          type: "Progressing",
          status: "True",
          reason: "NewReplicaSetAvailable",
          message: `ReplicaSet "${rsName}" has successfully progressed.`,
        }
      : {
          type: "Progressing",
          status: "True",
          reason: "ReplicaSetUpdated",
          message: `ReplicaSet "${rsName}" is progressing.`,
        };
  conditions = setCondition(conditions, progressing, now);
  // NOTE: ProgressDeadlineExceeded (spec.progressDeadlineSeconds) is never reported.
  return {
    observedGeneration: d.metadata.generation ?? 1,
    ...(total ? { replicas: total } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
    ...(unavailable ? { unavailableReplicas: unavailable } : {}),
    conditions,
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
  };
}
