/**
 * Which pods a ReplicaSet deletes first when scaling down:
 * `controller.ActivePodsWithRanks` (pkg/controller/controller_utils.go).
 */
import type { Pod } from "../api/types";
import { isPodReady, parseTime } from "./objects";

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readySince(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === "Ready" && x.status === "True");
  return parseTime(c?.lastTransitionTime) || 0;
}

function restarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
}

/**
 * Orders pods so that the ones to delete first come first: unscheduled
 * before scheduled, Pending before Unknown before Running, not ready before
 * ready, ready for less time first, more restarts first, newer first.
 *
 * NOTE: upstream also ranks by how many of the ReplicaSet's pods share the
 * node (spreading the deletions) and breaks the final tie by UID; we break it by name.
 */
export function compareForDeletion(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const pa = PHASE_RANK[a.status?.phase ?? "Pending"] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? "Pending"] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a) ? 1 : 0;
  const rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  if (ra === 1 && readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const ca = parseTime(a.metadata.creationTimestamp);
  const cb = parseTime(b.metadata.creationTimestamp);
  if (ca !== cb) return cb - ca;
  return a.metadata.name < b.metadata.name ? 1 : a.metadata.name > b.metadata.name ? -1 : 0;
}
