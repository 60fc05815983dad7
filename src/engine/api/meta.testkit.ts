import type { Cluster } from "../cluster";
import { randomUid } from "../util/names";
import type { ObjectMeta } from "./types";

/**
 * The metadata the API server stamps on a new object: uid, creation time,
 * generation. Controllers that create objects (pods, slices) use it too.
 */
export function newObjectMeta(cluster: Cluster, meta: Partial<ObjectMeta> & { name: string }): ObjectMeta {
  return {
    ...meta,
    uid: randomUid(cluster.prng),
    creationTimestamp: cluster.clock.iso(),
    resourceVersion: "",
  };
}
