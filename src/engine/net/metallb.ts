/**
 * Which node receives traffic for a LoadBalancer IP. Packetwalk's load
 * balancer is MetalLB in L2 mode: one node answers ARP for the address and
 * every packet for it arrives there.
 */

import type { Service } from "../api/types";
import type { Cluster } from "../cluster";
import { fnv1a } from "../util/fnv";
import type { AddressIndex, NodeAddress } from "./addresses";

/**
 * The announcing node for `ip`: among eligible nodes (with
 * externalTrafficPolicy Local, only nodes with a ready endpoint), the one
 * whose hash of `node#ip` sorts first.
 *
 * NOTE: MetalLB's speakers sort candidates by sha256 of the same string and
 * also drop nodes whose speaker is down; we use FNV-1a and assume every
 * speaker is healthy.
 */
export function announcingNode(
  cluster: Cluster,
  index: AddressIndex,
  svc: Service,
  ip: string,
): NodeAddress | undefined {
  let candidates = index.nodes.filter((n) => n.ip);
  if (svc.spec?.externalTrafficPolicy === "Local") {
    const withEndpoint = new Set<string>();
    const ns = svc.metadata.namespace ?? "default";
    for (const slice of cluster.store.list("EndpointSlice", ns)) {
      if (slice.metadata.labels?.["kubernetes.io/service-name"] !== svc.metadata.name) continue;
      for (const ep of slice.endpoints ?? []) {
        if (ep.conditions?.ready !== false && ep.nodeName) withEndpoint.add(ep.nodeName);
      }
    }
    candidates = candidates.filter((n) => withEndpoint.has(n.name));
  }
  let best: NodeAddress | undefined;
  let bestHash = Number.POSITIVE_INFINITY;
  for (const n of candidates) {
    const h = fnv1a(`${n.name}#${ip}`);
    if (h < bestHash) {
      best = n;
      bestHash = h;
    }
  }
  return best;
}
