/**
 * The kube-scheduler Filter plugins Packetwalk runs, in the default profile's
 * order (NodeUnschedulable, TaintToleration, NodeAffinity), and the FitError
 * text `kubectl describe pod` shows when none passes.
 */

import type { Node, Pod } from "../api/types";
import type { Cluster } from "../cluster";

type Taint = NonNullable<NonNullable<Node["spec"]>["taints"]>[number];
type Toleration = NonNullable<NonNullable<Pod["spec"]>["tolerations"]>[number];

/** `v1helper.TolerationsTolerateTaint` for one toleration. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  // An empty key with operator Exists tolerates every taint.
  if (!t.key && t.operator !== "Exists") return false;
  if (t.operator === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

function tolerated(pod: Pod, taint: Taint): boolean {
  return (pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * Runs the filters on one node: undefined when the pod fits, else the
 * plugin's reason (e.g. `node(s) didn't match Pod's node affinity/selector`).
 */
export function filterNode(cluster: Cluster, pod: Pod, node: Node): string | undefined {
  if (node.spec?.unschedulable) {
    const t: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
    if (!tolerated(pod, t)) return "node(s) were unschedulable";
  }
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (tolerated(pod, taint)) continue;
    // 1.35 (and 1.34.2+) no longer print the taint (kubernetes/kubernetes#134740).
    return cluster.atLeast(1, 35)
      ? "node(s) had untolerated taint(s)"
      : `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
  }
  const selector = pod.spec?.nodeSelector ?? {};
  const labels = node.metadata.labels ?? {};
  for (const k in selector) {
    if (labels[k] !== selector[k]) return "node(s) didn't match Pod's node affinity/selector";
  }
  // NOTE: requiredDuringScheduling nodeAffinity, resources (NodeResourcesFit),
  // host ports and inter-pod affinity are not evaluated.
  return undefined;
}

/**
 * `FitError.Error()` plus the PostFilter (preemption) message: reasons are
 * counted per node, printed as `<n> <reason>` sorted as strings, and
 * preemption reports every node as not helpful (all reasons here are
 * UnschedulableAndUnresolvable).
 */
export function fitErrorMessage(cluster: Cluster, nodeCount: number, reasons: string[]): string {
  if (nodeCount === 0) return "no nodes available to schedule pods";
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const histogram = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  const head = `0/${nodeCount} nodes are available: ${histogram.join(", ")}.`;
  // DynamicResources (on by default since 1.34) answers PostFilter first.
  const dra = cluster.atLeast(1, 34) ? "no new claims to deallocate, " : "";
  return `${head} ${dra}preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`;
}
