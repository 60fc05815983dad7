/**
 * kube-scheduler: binds each pod without spec.nodeName to a node that passes
 * the filters, or marks it Unschedulable with the FitError message.
 */

import type { Node, Pod } from "../api/types";
import type { Cluster } from "../cluster";
import { NodeHeap } from "./nodeHeap";
import { isPodFinished, isTerminating } from "./objects";
import { filterNode, fitErrorMessage } from "./schedulerFilters";
import { nsKey, WorkQueue } from "./workQueue";

/** Installs the scheduler; returns its reconciler. */
export function installScheduler(cluster: Cluster): { sync(): boolean } {
  const queue = new WorkQueue();
  /** Pods that failed to schedule, retried when nodes change. */
  const unschedulable = new Set<string>();
  /** podKey → node, for pods that occupy a node. */
  const placement = new Map<string, string>();
  const podsPerNode = new Map<string, number>();
  /** Every node at its current count (plus stale entries, skipped when popped). */
  const heap = new NodeHeap();
  let nodesSeen = 0;

  const setCount = (node: string, count: number) => {
    podsPerNode.set(node, count);
    heap.push(node, count);
  };

  const place = (key: string, node: string | undefined) => {
    const prev = placement.get(key);
    if (prev === node) return;
    if (prev !== undefined) {
      setCount(prev, (podsPerNode.get(prev) ?? 1) - 1);
      placement.delete(key);
    }
    if (node !== undefined) {
      placement.set(key, node);
      setCount(node, (podsPerNode.get(node) ?? 0) + 1);
    }
  };

  /** Refills the heap with one entry per stored node (at start, and when stale entries pile up). */
  const rebuildHeap = () => {
    heap.clear();
    const nodes = cluster.store.list("Node");
    for (const n of nodes) heap.push(n.metadata.name, podsPerNode.get(n.metadata.name) ?? 0);
    nodesSeen = nodes.length;
  };

  /** The node a pod occupies, if any. */
  const occupied = (pod: Pod | undefined): string | undefined =>
    pod && !isPodFinished(pod) ? pod.spec?.nodeName : undefined;

  const onPod = (key: string, pod: Pod, deleted: boolean, old: Pod | undefined) => {
    cluster.adoption.touch("scheduler", key);
    const node = pod.spec?.nodeName;
    const now = deleted ? undefined : occupied(pod);
    // Most writes (creation, status) leave the placement as it was: no lookup.
    if (deleted || now !== occupied(old)) place(key, now);
    if (deleted) {
      unschedulable.delete(key);
      return;
    }
    if (!node && !isTerminating(pod)) queue.add(key);
  };

  cluster.store.subscribe((e) => {
    if (e.kind === "Pod") onPod(e.key, e.object as Pod, e.type === "DELETED", e.old as Pod | undefined);
    else if (e.kind === "Node") {
      if (e.type === "ADDED") heap.push(e.object.metadata.name, podsPerNode.get(e.object.metadata.name) ?? 0);
      for (const k of unschedulable) queue.add(k);
    }
  });
  for (const p of cluster.store.list("Pod"))
    onPod(nsKey(p.metadata.namespace, p.metadata.name), p, false, undefined);
  rebuildHeap();

  return {
    sync(): boolean {
      let changed = false;
      for (const key of queue.drain()) {
        const pod = cluster.store.getByKey("Pod", key);
        if (!pod || pod.spec?.nodeName || isTerminating(pod) || cluster.adoption.holds("scheduler", key)) {
          unschedulable.delete(key);
          continue;
        }
        changed = schedule(cluster, pod, key) || changed;
      }
      return changed;
    },
  };

  /**
   * The node with the fewest pods among those that pass the filters, ties by
   * name: nodes are taken from the heap in that order until one passes.
   */
  function pickNode(c: Cluster, pod: Pod): Node | undefined {
    if (heap.size > 4 * nodesSeen + 1024) rebuildHeap();
    const popped: { name: string; count: number }[] = [];
    let best: Node | undefined;
    for (let e = heap.pop(); e !== undefined; e = heap.pop()) {
      if ((podsPerNode.get(e.name) ?? 0) !== e.count) continue;
      const node = c.store.get("Node", undefined, e.name);
      if (!node) continue;
      popped.push(e);
      if (filterNode(c, pod, node) === undefined) {
        best = node;
        break;
      }
    }
    for (const e of popped) heap.push(e.name, e.count);
    return best;
  }

  function schedule(c: Cluster, pod: Pod, key: string): boolean {
    // NOTE: the real scheduler scores feasible nodes with several plugins
    // (resources balance, image locality, pod topology spread…) and breaks
    // ties at random; we pick the node with the fewest pods, ties by name.
    const best = pickNode(c, pod);
    const now = c.clock.iso();
    const others = (pod.status?.conditions ?? []).filter((x) => x.type !== "PodScheduled");
    if (best) {
      unschedulable.delete(key);
      c.store.put("Pod", {
        ...pod,
        spec: withBinding(pod.spec, best.metadata.name),
        status: {
          ...pod.status,
          phase: "Pending",
          conditions: [...others, { type: "PodScheduled", status: "True", lastTransitionTime: now }],
        },
      });
      return true;
    }
    unschedulable.add(key);
    const nodes = c.store.list("Node");
    const reasons: string[] = [];
    for (const node of nodes) {
      const reason = filterNode(c, pod, node);
      if (reason !== undefined) reasons.push(reason);
    }
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

/**
 * `{ ...spec, containers, nodeName }`, copied key by key so that every bound
 * pod's spec has one object shape.
 */
function withBinding(spec: Pod["spec"], nodeName: string): NonNullable<Pod["spec"]> {
  const out: Record<string, unknown> = {};
  if (spec) for (const k of Object.keys(spec)) out[k] = spec[k as keyof typeof spec];
  out.containers = spec?.containers ?? [];
  out.nodeName = nodeName;
  return out as unknown as NonNullable<Pod["spec"]>;
}
