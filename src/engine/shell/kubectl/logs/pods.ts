/**
 * Which pods a controller's logs come from, as kubectl's `SelectorsForObject` and
 * `podutils.ByLogging` decide: the object's selector, and the best pod to read first.
 */
import type { AnyObject, Pod } from "../../../api/types";
import { type Requirement, selectorRequirements } from "../selector";

/** The label selector of an object whose pods kubectl can read, or kubectl's reason it cannot. */
export function podsForController(object: AnyObject): { requirements: Requirement[] } | { error: string } {
  switch (object.kind) {
    case "Deployment":
    case "ReplicaSet":
      return { requirements: selectorRequirements(object.spec?.selector) };
    case "Service": {
      const selector = object.spec?.selector;
      if (!selector || Object.keys(selector).length === 0)
        return { error: `invalid service '${object.metadata.name}': Service is defined without a selector` };
      return { requirements: selectorRequirements({ matchLabels: selector }) };
    }
    default:
      return { error: `selector for *v1.${object.kind} not implemented` };
  }
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function readySince(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
  if (ready?.status !== "True") return undefined;
  const t = Date.parse(ready.lastTransitionTime ?? "");
  return Number.isNaN(t) ? 0 : t;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/**
 * `ByLogging`: assigned before unassigned, Running before Unknown before Pending, ready
 * before not ready, ready longer before ready shorter, more restarts first, older first.
 * A stable sort, as Go's insertion sort is for the few pods a controller has.
 */
export function byLogging(pods: readonly Pod[]): Pod[] {
  const rank = (p: Pod) => PHASE_RANK[p.status?.phase ?? ""] ?? 3;
  return [...pods].sort((a, b) => {
    const an = a.spec?.nodeName ?? "";
    const bn = b.spec?.nodeName ?? "";
    if (an !== bn && (an === "" || bn === "")) return an === "" ? 1 : -1;
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    const ar = readySince(a);
    const br = readySince(b);
    if ((ar === undefined) !== (br === undefined)) return ar === undefined ? 1 : -1;
    if (ar !== undefined && br !== undefined && ar !== br) return ar - br;
    if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
    const ac = Date.parse(a.metadata.creationTimestamp ?? "");
    const bc = Date.parse(b.metadata.creationTimestamp ?? "");
    if (ac !== bc) return (Number.isNaN(ac) ? Infinity : ac) - (Number.isNaN(bc) ? Infinity : bc);
    return 0;
  });
}
