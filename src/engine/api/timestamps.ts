/**
 * `clock.iso()` for the current virtual instant, remembered: the clock only
 * moves when the simulation advances it, so a burst of writes (thousands of
 * pods stamped in one reconcile) formats the same instant once.
 */
import type { Cluster } from "../cluster";
import type { VirtualClock } from "../util/clock";
import { randomUid } from "../util/names";
import type { ObjectMeta } from "./types";

let lastMs = Number.NaN;
let lastIso = "";

/** The clock's current time as RFC 3339 (second precision), as `clock.iso()` prints it. */
export function isoNow(clock: VirtualClock): string {
  const ms = clock.now();
  if (ms !== lastMs) {
    lastIso = clock.iso(ms);
    lastMs = ms;
  }
  return lastIso;
}

/**
 * `newObjectMeta` (meta.ts) with the remembered timestamp: uid, creation
 * time and an empty resourceVersion stamped on a new object's metadata.
 */
export function freshObjectMeta(cluster: Cluster, meta: Partial<ObjectMeta> & { name: string }): ObjectMeta {
  // `{ ...meta, uid, creationTimestamp, resourceVersion }`, copied key by key:
  // V8 makes a new hidden class for each such spread, slowly, per object.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(meta)) out[k] = meta[k as keyof ObjectMeta];
  out.uid = randomUid(cluster.prng);
  out.creationTimestamp = isoNow(cluster.clock);
  out.resourceVersion = "";
  return out as unknown as ObjectMeta;
}
