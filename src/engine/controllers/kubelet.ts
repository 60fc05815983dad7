/**
 * The kubelets of every node, as one reconciler: starts bound pods (pod IP
 * from the node's podCIDR via PodIpam, or the node's address for
 * hostNetwork pods), reports readiness, and removes terminating pods once
 * their grace period has run out on the virtual clock.
 */

import { type Cidr, cidrOf, ipToNumber, parseCidr } from "../api/ipv4";
import type { Node, Pod } from "../api/types";
import type { Cluster } from "../cluster";
import { isPodFinished, isTerminating, parseTime } from "./objects";
import { PodIpam } from "./podIpam";
import {
  creatingConditions,
  creatingContainerStatuses,
  qosClass,
  runningConditions,
  runningContainerStatuses,
  SharedStatusParts,
} from "./podStatus";
import { nsKey, splitKey, WorkQueue } from "./workQueue";

/** Calico's per-pod IP request annotation, e.g. `'["10.233.118.26"]'`. */
export const CALICO_IP_ADDRS = "cni.projectcalico.org/ipAddrs";

/** The kubelet reconciler and its readiness switch. */
export interface Kubelet {
  sync(): boolean;
  /** Overrides a pod's readiness-probe result (default: ready). */
  setReady(podKey: string, ready: boolean): void;
}

/** The node's first InternalIP. */
export function internalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
}

/**
 * When a terminating pod is removed: its deletionTimestamp, which the API
 * server sets to the time of deletion plus the grace period.
 */
export function removalTime(pod: Pod): number {
  return parseTime(pod.metadata.deletionTimestamp);
}

/** Installs the kubelets; returns the reconciler. */
export function installKubelet(cluster: Cluster): Kubelet {
  const queue = new WorkQueue();
  const ipam = new PodIpam();
  const shared = new SharedStatusParts();
  const readiness = new Map<string, boolean>();
  const terminating = new Set<string>();
  /** Pods waiting for their node, its podCIDR or a requested address. */
  const waiting = new Set<string>();
  /** Parsed podCIDRs by their text. */
  const cidrs = new Map<string, Cidr | undefined>();
  const podCidr = (text: string): Cidr | undefined => {
    if (!cidrs.has(text)) cidrs.set(text, parseCidr(text));
    return cidrs.get(text);
  };

  const adopted = cluster.adoption;
  const onPod = (key: string, pod: Pod, deleted: boolean, old?: Pod) => {
    adopted.touch("kubelet", key);
    if (deleted) {
      ipam.release(key);
      readiness.delete(key);
      terminating.delete(key);
      waiting.delete(key);
      for (const k of waiting) queue.add(k);
      return;
    }
    const node = pod.spec?.nodeName;
    const ip = pod.status?.podIP;
    // Registered already when an earlier version had this address on this node.
    const known = old?.status?.podIP === ip && old?.spec?.nodeName === node;
    if (node && ip && !pod.spec?.hostNetwork && !known) ipam.register(key, node, ip);
    if (isTerminating(pod)) terminating.add(key);
    if (node && !settled(pod, key)) queue.add(key);
  };

  /** A running pod whose Ready condition already says what the probe says: nothing to do. */
  const settled = (pod: Pod, key: string): boolean => {
    if (pod.status?.phase !== "Running" || !pod.status.podIP) return false;
    const ready = pod.status.conditions?.find((c) => c.type === "Ready");
    return ready !== undefined && (ready.status === "True") === (readiness.get(key) ?? true);
  };

  cluster.store.subscribe((e) => {
    if (e.kind === "Pod") onPod(e.key, e.object as Pod, e.type === "DELETED", e.old as Pod | undefined);
    else if (e.kind === "Node") for (const k of waiting) queue.add(k);
  });
  for (const p of cluster.store.list("Pod")) {
    const key = nsKey(p.metadata.namespace, p.metadata.name);
    // An imported pod's Ready condition is what its readiness probe last said.
    const ready = p.status?.conditions?.find((c) => c.type === "Ready");
    if (ready && adopted.holds("kubelet", key)) readiness.set(key, ready.status === "True");
    onPod(key, p, false);
  }

  const removeExpired = (): boolean => {
    let changed = false;
    const now = cluster.clock.now();
    for (const key of [...terminating]) {
      const [ns, name] = splitKey(key);
      const pod = cluster.store.get("Pod", ns, name);
      if (!pod) {
        terminating.delete(key);
        continue;
      }
      if (now >= removalTime(pod)) {
        cluster.store.remove("Pod", ns, name);
        changed = true;
      }
    }
    return changed;
  };

  const syncPod = (key: string): boolean => {
    const pod = cluster.store.getByKey("Pod", key);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName || isPodFinished(pod) || adopted.holds("kubelet", key)) return false;
    const node = cluster.store.get("Node", undefined, nodeName);
    if (!node) {
      waiting.add(key);
      return false;
    }
    if (pod.status?.phase === "Running" && pod.status.podIP) return syncReadiness(pod, key);
    if (isTerminating(pod)) return false;
    return startPod(pod, node, key);
  };

  const startPod = (pod: Pod, node: Node, key: string): boolean => {
    const now = cluster.clock.iso();
    const hostIP = internalIP(node);
    const result = podAddress(pod, node, key);
    if (typeof result !== "string") {
      waiting.add(key);
      const status: Pod["status"] = {
        ...pod.status,
        phase: "Pending",
        ...(hostIP ? { hostIP, hostIPs: shared.hostIPs(hostIP) } : {}),
        startTime: pod.status?.startTime ?? now,
        conditions: creatingConditions(shared, pod, now, result.reason, result.message),
        containerStatuses: creatingContainerStatuses(pod),
        qosClass: pod.status?.qosClass ?? qosClass(pod),
      };
      if (JSON.stringify(status) === JSON.stringify(pod.status)) return false;
      cluster.store.put("Pod", { ...pod, status });
      return true;
    }
    waiting.delete(key);
    const ready = readiness.get(key) ?? true;
    cluster.store.put("Pod", {
      ...pod,
      status: {
        ...pod.status,
        phase: "Running",
        ...(hostIP ? { hostIP, hostIPs: shared.hostIPs(hostIP) } : {}),
        podIP: result,
        podIPs: [{ ip: result }],
        startTime: pod.status?.startTime ?? now,
        conditions: runningConditions(shared, pod, ready, now),
        containerStatuses: runningContainerStatuses(shared, cluster, pod, ready, now),
        qosClass: pod.status?.qosClass ?? qosClass(pod),
      },
    });
    return true;
  };

  /**
   * Where an imported cluster's node has no podCIDR, its CNI gives pods addresses of the node's
   * own network, as EKS's VPC CNI hands out its ENIs' secondary addresses: the node's /24 (the
   * subnet routes.ts takes a node to sit in). A cluster built from manifests waits for the podCIDR.
   */
  const nodeNetwork = (node: Node): Cidr | undefined => {
    const ip = cluster.adoption.fromDump ? ipToNumber(internalIP(node) ?? "") : undefined;
    return ip === undefined ? undefined : cidrOf(ip, 24);
  };
  const inUse = (ip: string): boolean => {
    const index = cluster.addressIndex();
    return index.podByIp.has(ip) || index.nodeByIp.has(ip);
  };

  /** The pod's address, or why it cannot have one yet. */
  const podAddress = (pod: Pod, node: Node, key: string): string | { reason?: string; message?: string } => {
    if (pod.spec?.hostNetwork) return internalIP(node) ?? {};
    const held = ipam.ipOf(key);
    if (held) return held;
    const vpc = node.spec?.podCIDR ? undefined : nodeNetwork(node);
    const cidr = node.spec?.podCIDR ? podCidr(node.spec.podCIDR) : vpc;
    if (!cidr) return {};
    const requested = calicoRequest(pod);
    if (requested) {
      const err = ipam.request(key, node.metadata.name, cidr, requested);
      if (!err) return requested;
      const why =
        err === "outside"
          ? `requested IP address ${requested} is not in the node's podCIDR ${node.spec?.podCIDR}`
          : `requested IP address ${requested} is already allocated`;
      // NOTE: Calico allocates from its IP pools' blocks, not the node's
      // podCIDR (unless host-local IPAM is configured); we treat the podCIDR as the pool.
      return {
        reason: "FailedCreatePodSandBox",
        message: `Failed to create pod sandbox: plugin type="calico" failed (add): ${why}`,
      };
    }
    const ip = ipam.allocate(key, node.metadata.name, cidr, vpc ? inUse : undefined);
    if (ip) return ip;
    if (vpc)
      return {
        reason: "FailedCreatePodSandBox",
        message: `Failed to create pod sandbox: plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container`,
      };
    return {
      reason: "FailedCreatePodSandBox",
      message: `Failed to create pod sandbox: plugin type="host-local" failed (add): no IP addresses available in range set: ${node.spec?.podCIDR}`,
    };
  };

  const syncReadiness = (pod: Pod, key: string): boolean => {
    const want = readiness.get(key);
    const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
    // Pods written with a status but no Ready condition are left as they are.
    if (!ready && want === undefined) return false;
    const desired = want ?? true;
    if (ready && (ready.status === "True") === desired) return false;
    const now = cluster.clock.iso();
    cluster.store.put("Pod", {
      ...pod,
      status: {
        ...pod.status,
        conditions: runningConditions(shared, pod, desired, now),
        containerStatuses: (pod.status?.containerStatuses ?? []).map((s) => ({ ...s, ready: desired })),
      },
    });
    return true;
  };

  return {
    sync(): boolean {
      let changed = removeExpired();
      for (const key of queue.drain()) changed = syncPod(key) || changed;
      return changed;
    },
    setReady(podKey: string, ready: boolean): void {
      adopted.touch("kubelet", podKey);
      readiness.set(podKey, ready);
      queue.add(podKey);
    },
  };
}

function calicoRequest(pod: Pod): string | undefined {
  const raw = pod.metadata.annotations?.[CALICO_IP_ADDRS];
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && typeof parsed[0] === "string") return parsed[0];
  } catch {
    return undefined;
  }
  return undefined;
}
