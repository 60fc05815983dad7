/** Graceful pod deletion, as the API server performs it for controllers' DELETE calls. */

import type { Pod } from "../api/types";
import type { Cluster } from "../cluster";
import { isTerminating } from "./objects";

/** `terminationGracePeriodSeconds` default. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/**
 * Deletes a pod gracefully: sets metadata.deletionTimestamp and
 * deletionGracePeriodSeconds and leaves removal to the kubelet. Pods that
 * never reached a node, and finished pods, are removed at once (the pod
 * strategy's CheckGracefulDelete gives them grace 0).
 * As the API server does, deletionTimestamp is now + the grace period:
 * the moment the kubelet will have removed the pod.
 */
export function deletePodGracefully(cluster: Cluster, pod: Pod): void {
  if (isTerminating(pod)) return;
  const ns = pod.metadata.namespace;
  const phase = pod.status?.phase;
  if (!pod.spec?.nodeName || phase === "Succeeded" || phase === "Failed") {
    cluster.store.remove("Pod", ns, pod.metadata.name);
    return;
  }
  const grace = pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
  cluster.store.put("Pod", {
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: cluster.clock.iso(cluster.clock.now() + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  });
}
