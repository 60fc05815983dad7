/**
 * kube-controller-manager's node IPAM (`--allocate-node-cidrs`, range
 * allocator): each Node without spec.podCIDR gets the next free block of the
 * cluster CIDR (`--node-cidr-mask-size`, 24 for IPv4 by default).
 */

import { addToIp, type Cidr, cidrOf, formatCidr, parseCidr } from "../api/ipv4";
import type { Node } from "../api/types";
import type { Cluster } from "../cluster";
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
        .filter(
          (n): n is Node =>
            n !== undefined && !n.spec?.podCIDR && !cluster.adoption.holds("nodeIpam", n.metadata.name),
        );
      if (pending.length === 0) return false;
      // Creation order, as the range allocator sees the nodes arrive.
      pending.sort(
        (a, b) =>
          parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) ||
          (a.metadata.name < b.metadata.name ? -1 : 1),
      );
      const clusterCidr = parseCidr(cluster.config.podSubnet);
      if (!clusterCidr || clusterCidr.prefix > NODE_CIDR_MASK_SIZE) return false;
      const used = new Set<number>();
      for (const n of cluster.store.list("Node")) {
        const c = n.spec?.podCIDR ? parseCidr(n.spec.podCIDR) : undefined;
        if (c) used.add(c.network);
      }
      let changed = false;
      for (const node of pending) {
        const block = nextFreeBlock(clusterCidr, used);
        // NOTE: the real allocator leaves the node without a CIDR and records a
        // CIDRNotAvailable event when the cluster CIDR is exhausted.
        if (!block) break;
        used.add(block.network);
        const podCIDR = formatCidr(block);
        cluster.store.put("Node", { ...node, spec: { ...node.spec, podCIDR, podCIDRs: [podCIDR] } });
        changed = true;
      }
      return changed;
    },
  };
}

function nextFreeBlock(cluster: Cidr, used: Set<number>): Cidr | undefined {
  const step = 2 ** (32 - NODE_CIDR_MASK_SIZE);
  const count = cluster.size / step;
  for (let i = 0; i < count; i++) {
    const block = cidrOf(addToIp(cluster.network, i * step), NODE_CIDR_MASK_SIZE);
    if (!used.has(block.network)) return block;
  }
  return undefined;
}
