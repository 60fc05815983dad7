/** The metadata the API server stamps on a new object. */
import type { Cluster } from "../cluster";
import { randomUid } from "../util/names";
import type { ObjectMeta } from "./types";

/**
 * `newObjectMeta` (meta.ts) with the remembered timestamp: uid, creation
 * time and an empty resourceVersion stamped on a new object's metadata.
 */
export function freshObjectMeta(cluster: Cluster, meta: Partial<ObjectMeta> & { name: string }): ObjectMeta {
  // `{ ...meta, uid, creationTimestamp, resourceVersion }`, copied key by key,
  // so every new object's metadata has one object shape.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(meta)) out[k] = meta[k as keyof ObjectMeta];
  out.uid = randomUid(cluster.prng);
  out.creationTimestamp = cluster.clock.iso();
  out.resourceVersion = "";
  return out as unknown as ObjectMeta;
}
