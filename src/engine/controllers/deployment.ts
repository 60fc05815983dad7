/**
 * The Deployment controller: one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`, scaled to spec.replicas while the old
 * ones go to zero.
 *
 * NOTE: a real RollingUpdate moves replicas over step by step (maxSurge /
 * maxUnavailable) and waits for new pods to become available; here a
 * template change switches at once: the new ReplicaSet gets every replica
 * and the old ones are scaled to zero in the same pass.
 */

import { freshObjectMeta } from "../api/timestamps";
import type { Deployment, ReplicaSet } from "../api/types";
import type { Cluster } from "../cluster";
import { deploymentStatus, maxSurge } from "./deploymentStatus";
import { canonicalJson, controllerRef, controllerUid } from "./objects";
import type { OwnerIndex } from "./ownerIndex";
import { computeHash } from "./podTemplateHash";
import { nsKey, splitKey, WorkQueue } from "./workQueue";

/** The label tying a ReplicaSet and its pods to one pod template. */
export const POD_TEMPLATE_HASH = "pod-template-hash";
export const REVISION = "deployment.kubernetes.io/revision";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

type PodTemplate = NonNullable<NonNullable<Deployment["spec"]>["template"]>;

function withoutHash(t: PodTemplate | undefined): string {
  const labels = { ...t?.metadata?.labels };
  delete labels[POD_TEMPLATE_HASH];
  return canonicalJson({ ...t, metadata: { ...t?.metadata, labels } });
}

function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** Installs the Deployment controller; returns its reconciler. */
export function installDeploymentController(cluster: Cluster, owners: OwnerIndex): { sync(): boolean } {
  const queue = new WorkQueue();
  const keyByUid = new Map<string, string>();
  cluster.store.subscribe((e) => {
    if (e.kind === "Deployment") {
      const key = nsKey(e.object.metadata.namespace, e.object.metadata.name);
      cluster.adoption.touch("deployment", key);
      if (e.type === "DELETED") keyByUid.delete(e.object.metadata.uid);
      else {
        keyByUid.set(e.object.metadata.uid, key);
        queue.add(key);
      }
    } else if (e.kind === "ReplicaSet") {
      const uid = controllerUid(e.object.metadata);
      const key = uid ? keyByUid.get(uid) : undefined;
      if (key) {
        cluster.adoption.touch("deployment", key);
        queue.add(key);
      }
    }
  });
  for (const d of cluster.store.list("Deployment")) {
    const key = nsKey(d.metadata.namespace, d.metadata.name);
    keyByUid.set(d.metadata.uid, key);
    queue.add(key);
  }

  const sync = (key: string): boolean => {
    const [ns, name] = splitKey(key);
    const d = cluster.store.get("Deployment", ns, name);
    if (!d || d.metadata.deletionTimestamp || cluster.adoption.holds("deployment", key)) return false;
    const owned = owners
      .dependentsOf(d.metadata.uid, "ReplicaSet")
      .map((r) => cluster.store.get("ReplicaSet", r.namespace, r.name))
      .filter((rs): rs is ReplicaSet => rs !== undefined && controllerUid(rs.metadata) === d.metadata.uid);
    const wanted = withoutHash(d.spec?.template);
    let newRS = owned.find((rs) => withoutHash(rs.spec?.template) === wanted);
    let created = false;
    let changed = false;
    const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    const replicas = d.spec?.replicas ?? 1;
    const annotations = {
      [DESIRED_REPLICAS]: String(replicas),
      [MAX_REPLICAS]: String(replicas + maxSurge(d)),
    };
    if (!newRS) {
      const hash = computeHash(d.spec?.template, d.status?.collisionCount);
      const rsName = `${d.metadata.name}-${hash}`;
      if (cluster.store.get("ReplicaSet", ns, rsName)) {
        // A different template already owns the name: bump collisionCount and retry.
        const collisionCount = (d.status?.collisionCount ?? 0) + 1;
        cluster.store.put("Deployment", { ...d, status: { ...d.status, collisionCount } });
        return true;
      }
      newRS = createReplicaSet(cluster, d, rsName, hash, {
        ...annotations,
        [REVISION]: String(maxRevision + 1),
      });
      created = true;
      changed = true;
    } else {
      const revision = revisionOf(newRS) < maxRevision ? String(maxRevision + 1) : undefined;
      const a = {
        ...newRS.metadata.annotations,
        ...annotations,
        ...(revision ? { [REVISION]: revision } : {}),
      };
      const spec = { ...newRS.spec, selector: newRS.spec?.selector ?? {}, replicas };
      if (
        canonicalJson(a) !== canonicalJson(newRS.metadata.annotations ?? {}) ||
        newRS.spec?.replicas !== replicas
      ) {
        newRS = cluster.store.put("ReplicaSet", {
          ...newRS,
          metadata: { ...newRS.metadata, annotations: a },
          spec,
        });
        changed = true;
      }
    }
    const all: ReplicaSet[] = [newRS];
    for (const rs of owned) {
      if (rs.metadata.uid === newRS.metadata.uid) continue;
      if ((rs.spec?.replicas ?? 1) !== 0) {
        all.push(
          cluster.store.put("ReplicaSet", {
            ...rs,
            spec: { ...rs.spec, selector: rs.spec?.selector ?? {}, replicas: 0 },
          }),
        );
        changed = true;
      } else all.push(rs);
    }
    changed = cleanupOldReplicaSets(cluster, d, all.slice(1)) || changed;
    const status = deploymentStatus(cluster, d, newRS, all, created);
    if (canonicalJson(status) !== canonicalJson(d.status ?? {})) {
      cluster.store.put("Deployment", { ...d, status });
      changed = true;
    }
    return changed;
  };

  return {
    sync(): boolean {
      let changed = false;
      for (const key of queue.drain()) changed = sync(key) || changed;
      return changed;
    },
  };
}

function createReplicaSet(
  cluster: Cluster,
  d: Deployment,
  name: string,
  hash: string,
  annotations: Record<string, string>,
): ReplicaSet {
  const template = d.spec?.template;
  const labels = { ...template?.metadata?.labels, [POD_TEMPLATE_HASH]: hash };
  const rs: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: freshObjectMeta(cluster, {
      name,
      namespace: d.metadata.namespace ?? "default",
      labels,
      annotations,
      ownerReferences: [controllerRef("apps/v1", "Deployment", d.metadata)],
      generation: 1,
    }),
    spec: {
      replicas: d.spec?.replicas ?? 1,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: {
        ...d.spec?.selector,
        matchLabels: { ...d.spec?.selector?.matchLabels, [POD_TEMPLATE_HASH]: hash },
      },
      template: { ...template, metadata: { ...template?.metadata, labels } },
    },
  };
  return cluster.store.put("ReplicaSet", rs);
}

/** Deletes the oldest scaled-down ReplicaSets beyond spec.revisionHistoryLimit (default 10). */
function cleanupOldReplicaSets(cluster: Cluster, d: Deployment, old: ReplicaSet[]): boolean {
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const idle = old
    .filter((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  const excess = idle.length - limit;
  for (let i = 0; i < excess; i++) {
    const rs = idle[i]!;
    cluster.store.remove("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
  }
  return excess > 0;
}
