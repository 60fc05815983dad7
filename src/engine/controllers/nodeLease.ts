/**
 * The kubelet's node lease (`pkg/kubelet/nodelease`): each registered Node has
 * a coordination.k8s.io/v1 Lease of its name in `kube-node-lease`, held by the
 * node and owned by the Node object (so the garbage collector removes it with the node).
 */
import type { Lease, Node } from "../api/types";
import type { Cluster } from "../cluster";
import { sha256Hex } from "../util/sha256";
import { WorkQueue } from "./workQueue";

/** The namespace kubelets keep their leases in (`corev1.NamespaceNodeLease`). */
export const NODE_LEASE_NAMESPACE = "kube-node-lease";

/** The kubelet's `nodeLeaseDurationSeconds` default. */
const LEASE_DURATION_SECONDS = 40;

/**
 * A UID for the lease derived from its node's, so that creating leases draws
 * nothing from the simulation's PRNG (every later random choice stays as it was).
 */
function leaseUid(node: Node): string {
  const h = sha256Hex(`lease/${node.metadata.uid}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** MicroTime as the API prints it: RFC 3339 with six fractional digits. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/**
 * The lease a kubelet creates when its node registers.
 * NOTE: a real kubelet renews it every 10 s (a quarter of its duration); here
 * it keeps its first renewTime, as the Node's conditions keep their first heartbeat.
 */
export function nodeLease(cluster: Cluster, node: Node): Lease {
  const name = node.metadata.name;
  const at = Date.parse(node.metadata.creationTimestamp);
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: {
      name,
      namespace: NODE_LEASE_NAMESPACE,
      uid: leaseUid(node),
      creationTimestamp: cluster.clock.iso(at),
      resourceVersion: "",
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid }],
    },
    spec: {
      holderIdentity: name,
      leaseDurationSeconds: LEASE_DURATION_SECONDS,
      renewTime: microTime(at),
    },
  };
}

/** Installs the lease writer; returns its reconciler. */
export function installNodeLeases(cluster: Cluster): { sync(): boolean } {
  const queue = new WorkQueue();
  cluster.store.subscribe((e) => {
    if (e.kind === "Node" && e.type === "ADDED") queue.add(e.object.metadata.name);
  });
  for (const n of cluster.store.list("Node")) queue.add(n.metadata.name);
  return {
    sync(): boolean {
      let changed = false;
      for (const name of queue.drain()) {
        const node = cluster.store.get("Node", undefined, name);
        if (!node || cluster.store.get("Lease", NODE_LEASE_NAMESPACE, name)) continue;
        if (!cluster.store.get("Namespace", undefined, NODE_LEASE_NAMESPACE)) continue;
        cluster.store.put("Lease", nodeLease(cluster, node));
        changed = true;
      }
      return changed;
    },
  };
}
