/**
 * When the dump was taken, as near as the dump tells it: the newest time any object names. A
 * `kubectl get -o yaml` dump has no managedFields (kubectl drops them unless asked), so the
 * kubelets' status writes say it best: a node's `lastHeartbeatTime`, a condition's
 * `lastTransitionTime`, a container's `startedAt`.
 */
import type { ManifestDocument } from "../contract";

type Obj = Record<string, unknown>;

/** The status fields that hold a time the cluster wrote. */
const STATUS_TIMES = new Set([
  "lastHeartbeatTime",
  "lastTransitionTime",
  "lastProbeTime",
  "startedAt",
  "finishedAt",
  "startTime",
]);

function rec(v: unknown): Obj | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** The newest creationTimestamp, managedFields time or status time in the dump (ms since the epoch). */
export function newestTime(docs: readonly ManifestDocument[]): number | undefined {
  let newest: number | undefined;
  const see = (v: unknown) => {
    const t = typeof v === "string" ? Date.parse(v) : Number.NaN;
    if (!Number.isNaN(t) && (newest === undefined || t > newest)) newest = t;
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (rec(v))
      for (const [k, x] of Object.entries(v as Obj)) {
        if (STATUS_TIMES.has(k)) see(x);
        else if (typeof x === "object") walk(x);
      }
  };
  for (const d of docs) {
    const m = rec(d.object.metadata) ?? {};
    see(m.creationTimestamp);
    if (Array.isArray(m.managedFields)) for (const f of m.managedFields) see(rec(f)?.time);
    walk(d.object.status);
  }
  return newest;
}
