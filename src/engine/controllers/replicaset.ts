/**
 * The ReplicaSet controller: keeps spec.replicas pods matching the template
 * alive, deletes the best-ranked extras, and reports status.
 */

import { admitPod } from "../api/admission";
import { defaultPodOnlyFields } from "../api/podDefaults";
import { freshObjectMeta } from "../api/timestamps";
import type { Pod, ReplicaSet } from "../api/types";
import type { Cluster } from "../cluster";
import { randomSuffix } from "../util/names";
import {
  canonicalJson,
  controllerRef,
  controllerUid,
  isPodFinished,
  isPodReady,
  isTerminating,
  parseTime,
} from "./objects";
import type { OwnerIndex } from "./ownerIndex";
import { deletePodGracefully } from "./podDeletion";
import { compareForDeletion } from "./podRanking";
import { qosClass } from "./podStatus";
import { nsKey, splitKey, WorkQueue } from "./workQueue";

/** `names.SimpleNameGenerator`: the base is cut so base + 5 characters fits 63. */
export const MAX_GENERATED_NAME_LENGTH = 58;

/** `generateName`: base (truncated) + 5 random characters, avoiding names in use. */
export function generateName(cluster: Cluster, base: string, taken: (name: string) => boolean): string {
  const prefix = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  for (;;) {
    const name = prefix + randomSuffix(cluster.prng, 5);
    if (!taken(name)) return name;
  }
}

/** Installs the ReplicaSet controller; returns its reconciler. */
export function installReplicaSetController(cluster: Cluster, owners: OwnerIndex): { sync(): boolean } {
  const queue = new WorkQueue();
  const keyByUid = new Map<string, string>();
  /** ReplicaSets short of pods at the cluster's pod limit: retried when a pod goes away. */
  const waiting = new Set<string>();
  cluster.store.subscribe((e) => {
    if (e.kind === "Pod" && e.type === "DELETED" && waiting.size > 0) {
      for (const key of waiting) queue.add(key);
      waiting.clear();
    }
    if (e.kind === "ReplicaSet") {
      const key = nsKey(e.object.metadata.namespace, e.object.metadata.name);
      cluster.adoption.touch("replicaset", key);
      if (e.type === "DELETED") keyByUid.delete(e.object.metadata.uid);
      else {
        keyByUid.set(e.object.metadata.uid, key);
        queue.add(key);
      }
    } else if (e.kind === "Pod") {
      const uid = controllerUid(e.object.metadata);
      const key = uid ? keyByUid.get(uid) : undefined;
      if (key) {
        cluster.adoption.touch("replicaset", key);
        queue.add(key);
      }
    }
  });
  for (const rs of cluster.store.list("ReplicaSet")) {
    keyByUid.set(rs.metadata.uid, nsKey(rs.metadata.namespace, rs.metadata.name));
    queue.add(nsKey(rs.metadata.namespace, rs.metadata.name));
  }

  const sync = (key: string): boolean => {
    const [ns, name] = splitKey(key);
    const rs = cluster.store.get("ReplicaSet", ns, name);
    if (!rs || rs.metadata.deletionTimestamp || cluster.adoption.holds("replicaset", key)) return false;
    const pods = owners
      .dependentsOf(rs.metadata.uid, "Pod")
      .map((d) => cluster.store.get("Pod", d.namespace, d.name))
      .filter((p): p is Pod => p !== undefined && controllerUid(p.metadata) === rs.metadata.uid);
    let active = pods.filter((p) => !isTerminating(p) && !isPodFinished(p));
    const want = rs.spec?.replicas ?? 1;
    let changed = false;
    if (active.length < want) {
      // Past the cluster's pod limit the controller stops, as it would on a quota's FailedCreate.
      const room = Math.max(0, cluster.limits.pods - cluster.store.count("Pod"));
      const create = Math.min(want - active.length, room);
      if (create < want - active.length) waiting.add(key);
      for (let i = 0; i < create; i++) {
        const pod = createPod(cluster, rs);
        if (!pod) break;
        active.push(pod);
        changed = true;
      }
    } else if (active.length > want) {
      const ranked = [...active].sort(compareForDeletion);
      const doomed = new Set(ranked.slice(0, active.length - want));
      for (const p of doomed) deletePodGracefully(cluster, p);
      active = active.filter((p) => !doomed.has(p));
      changed = true;
    }
    return writeStatus(cluster, rs, active) || changed;
  };

  return {
    sync(): boolean {
      let changed = false;
      for (const key of queue.drain()) changed = sync(key) || changed;
      return changed;
    },
  };
}

/**
 * Creates one pod from the template, through the same defaulting and admission
 * as any pod. NOTE: when admission refuses it (an unknown PriorityClass) the
 * real controller records a FailedCreate event and a ReplicaFailure condition;
 * here the ReplicaSet simply stays short of pods.
 */
function createPod(cluster: Cluster, rs: ReplicaSet): Pod | undefined {
  const ns = rs.metadata.namespace ?? "default";
  const template = rs.spec?.template;
  const base = `${rs.metadata.name}-`;
  const name = generateName(cluster, base, (n) => cluster.store.get("Pod", ns, n) !== undefined);
  const spec = JSON.parse(JSON.stringify(template?.spec ?? { containers: [] })) as NonNullable<Pod["spec"]>;
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: freshObjectMeta(cluster, {
      name,
      generateName: base,
      namespace: ns,
      labels: { ...template?.metadata?.labels },
      ...(template?.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef("apps/v1", "ReplicaSet", rs.metadata)],
    }),
    spec,
    status: { phase: "Pending" },
  };
  defaultPodOnlyFields(spec);
  try {
    admitPod(pod, cluster.clock.now());
  } catch {
    return undefined;
  }
  pod.status = { phase: "Pending", qosClass: qosClass(pod) };
  return cluster.store.put("Pod", pod);
}

function writeStatus(cluster: Cluster, rs: ReplicaSet, active: Pod[]): boolean {
  const minReady = (rs.spec?.minReadySeconds ?? 0) * 1000;
  const now = cluster.clock.now();
  const ready = active.filter(isPodReady);
  const available = ready.filter((p) => {
    const c = p.status?.conditions?.find((x) => x.type === "Ready");
    return minReady === 0 || parseTime(c?.lastTransitionTime) + minReady <= now;
  });
  const status = {
    replicas: active.length,
    ...(active.length ? { fullyLabeledReplicas: active.length } : {}),
    ...(ready.length ? { readyReplicas: ready.length } : {}),
    ...(available.length ? { availableReplicas: available.length } : {}),
    observedGeneration: rs.metadata.generation ?? 1,
  };
  if (canonicalJson(status) === canonicalJson(rs.status ?? {})) return false;
  cluster.store.put("ReplicaSet", { ...rs, status });
  return true;
}
