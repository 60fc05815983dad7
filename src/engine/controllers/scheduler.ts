/**
 * kube-scheduler: binds each pod without spec.nodeName to a node that passes
 * the filters, or marks it Unschedulable with the FitError message.
 */

import type { Node, Pod } from "../api/types";
import type { Cluster } from "../cluster";
import { isPodFinished, isTerminating } from "./objects";
import { filterNode, fitErrorMessage } from "./schedulerFilters";
import { nsKey, splitKey, WorkQueue } from "./workQueue";

/** Installs the scheduler; returns its reconciler. */
export function installScheduler(cluster: Cluster): { sync(): boolean } {
  const queue = new WorkQueue();
  /** Pods that failed to schedule, retried when nodes change. */
  const unschedulable = new Set<string>();
  /** podKey → node, for pods that occupy a node. */
  const placement = new Map<string, string>();
  const podsPerNode = new Map<string, number>();

  const place = (key: string, node: string | undefined) => {
    const prev = placement.get(key);
    if (prev === node) return;
    if (prev !== undefined) {
      podsPerNode.set(prev, (podsPerNode.get(prev) ?? 1) - 1);
      placement.delete(key);
    }
    if (node !== undefined) {
      placement.set(key, node);
      podsPerNode.set(node, (podsPerNode.get(node) ?? 0) + 1);
    }
  };

  const onPod = (pod: Pod, deleted: boolean) => {
    const key = nsKey(pod.metadata.namespace, pod.metadata.name);
    const node = pod.spec?.nodeName;
    place(key, deleted || isPodFinished(pod) || !node ? undefined : node);
    if (deleted) {
      unschedulable.delete(key);
      return;
    }
    if (!node && !isTerminating(pod)) queue.add(key);
  };

  cluster.store.subscribe((e) => {
    if (e.kind === "Pod") onPod(e.object as Pod, e.type === "DELETED");
    else if (e.kind === "Node") for (const k of unschedulable) queue.add(k);
  });
  for (const p of cluster.store.list("Pod")) onPod(p, false);

  return {
    sync(): boolean {
      let changed = false;
      for (const key of queue.drain()) {
        const [ns, name] = splitKey(key);
        const pod = cluster.store.get("Pod", ns, name);
        if (!pod || pod.spec?.nodeName || isTerminating(pod)) {
          unschedulable.delete(key);
          continue;
        }
        changed = schedule(cluster, pod, key) || changed;
      }
      return changed;
    },
  };

  function schedule(c: Cluster, pod: Pod, key: string): boolean {
    const nodes = c.store.list("Node");
    const reasons: string[] = [];
    let best: Node | undefined;
    for (const node of nodes) {
      const reason = filterNode(c, pod, node);
      if (reason !== undefined) {
        reasons.push(reason);
        continue;
      }
      // NOTE: the real scheduler scores feasible nodes with several plugins
      // (resources balance, image locality, pod topology spread…) and breaks
      // ties at random; we pick the node with the fewest pods, ties by name.
      if (!best || (podsPerNode.get(node.metadata.name) ?? 0) < (podsPerNode.get(best.metadata.name) ?? 0)) {
        best = node;
      }
    }
    const now = c.clock.iso();
    const others = (pod.status?.conditions ?? []).filter((x) => x.type !== "PodScheduled");
    if (best) {
      unschedulable.delete(key);
      c.store.put("Pod", {
        ...pod,
        spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: best.metadata.name },
        status: {
          ...pod.status,
          phase: "Pending",
          conditions: [...others, { type: "PodScheduled", status: "True", lastTransitionTime: now }],
        },
      });
      return true;
    }
    unschedulable.add(key);
    const message = fitErrorMessage(c, nodes.length, reasons);
    const prev = pod.status?.conditions?.find((x) => x.type === "PodScheduled");
    if (prev?.status === "False" && prev.message === message) return false;
    c.store.put("Pod", {
      ...pod,
      status: {
        ...pod.status,
        phase: "Pending",
        conditions: [
          ...others,
          {
            type: "PodScheduled",
            status: "False",
            reason: "Unschedulable",
            message,
            lastTransitionTime: prev?.status === "False" ? prev.lastTransitionTime : now,
          },
        ],
      },
    });
    return true;
  }
}
