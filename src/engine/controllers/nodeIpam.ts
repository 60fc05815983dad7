/**
 * kube-controller-manager's node IPAM (`--allocate-node-cidrs`, range
 * allocator): each Node without spec.podCIDR gets the next free block of the
 * cluster CIDR (`--node-cidr-mask-size`, 24 for IPv4 by default).
 */

import type { Node } from "../api/types";
import type { Cluster } from "../cluster";
import { type Cidr4, cidrSize, formatCidr4, parseCidr4 } from "./cidr";
import { parseTime } from "./objects";
import { WorkQueue } from "./workQueue";

/** `--node-cidr-mask-size` for IPv4. */
export const NODE_CIDR_MASK_SIZE = 24;

/** Installs the node IPAM controller; returns its reconciler. */
export function installNodeIpam(cluster: Cluster): { sync(): boolean } {
  const queue = new WorkQueue();
  cluster.store.subscribe((e) => {
    if (e.kind === "Node" && e.type !== "DELETED") queue.add(e.object.metadata.name);
  });
  for (const n of cluster.store.list("Node")) queue.add(n.metadata.name);

  return {
    sync(): boolean {
      const names = queue.drain();
      if (names.length === 0) return false;
      const pending = names
        .map((n) => cluster.store.get("Node", undefined, n))
        .filter((n): n is Node => n !== undefined && !n.spec?.podCIDR);
      if (pending.length === 0) return false;
      // Creation order, as the range allocator sees the nodes arrive.
      pending.sort(
        (a, b) =>
          parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) ||
          (a.metadata.name < b.metadata.name ? -1 : 1),
      );
      const clusterCidr = parseCidr4(cluster.config.podSubnet);
      if (!clusterCidr || clusterCidr.bits > NODE_CIDR_MASK_SIZE) return false;
      const used = new Set<number>();
      for (const n of cluster.store.list("Node")) {
        const c = n.spec?.podCIDR ? parseCidr4(n.spec.podCIDR) : undefined;
        if (c) used.add(c.base);
      }
      let changed = false;
      for (const node of pending) {
        const block = nextFreeBlock(clusterCidr, used);
        // NOTE: the real allocator leaves the node without a CIDR and records a
        // CIDRNotAvailable event when the cluster CIDR is exhausted.
        if (!block) break;
        used.add(block.base);
        const podCIDR = formatCidr4(block);
        cluster.store.put("Node", { ...node, spec: { ...node.spec, podCIDR, podCIDRs: [podCIDR] } });
        changed = true;
      }
      return changed;
    },
  };
}

function nextFreeBlock(cluster: Cidr4, used: Set<number>): Cidr4 | undefined {
  const step = cidrSize({ base: 0, bits: NODE_CIDR_MASK_SIZE });
  const count = cidrSize(cluster) / step;
  for (let i = 0; i < count; i++) {
    const base = cluster.base + i * step;
    if (!used.has(base)) return { base, bits: NODE_CIDR_MASK_SIZE };
  }
  return undefined;
}
