/**
 * `describeNodeResource`: a node's non-terminated pods with their requests and
 * limits as shares of the node's allocatable, then the totals.
 */

import {
  addQuantity,
  formatQuantity,
  type Quantity,
  quantityMilliValue,
  quantityOf,
  quantityValue,
  ZERO,
} from "../../../api/quantity";
import type { Node, Pod } from "../../../api/types";
import { humanDuration } from "../../../util/duration";
import type { PrefixWriter } from "./writer";

type ResourceMap = Map<string, Quantity>;

function toMap(list: Record<string, unknown> | undefined): ResourceMap {
  return new Map(Object.entries(list ?? {}).map(([k, v]) => [k, quantityOf(v)]));
}

function addInto(total: ResourceMap, list: ResourceMap): void {
  for (const [k, v] of list) {
    const have = total.get(k);
    total.set(k, have ? addQuantity(have, v) : v);
  }
}

/** Per resource, the larger of the two (init containers run one at a time). */
function maxInto(total: ResourceMap, list: ResourceMap): void {
  for (const [k, v] of list) {
    const have = total.get(k);
    if (!have || v.nano > have.nano) total.set(k, v);
  }
}

/**
 * kubectl's `resourcehelper.PodRequestsAndLimits`: the containers' sum, or the
 * largest init container where that is more, plus the pod's overhead.
 */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceMap; limits: ResourceMap } {
  const requests: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const c of pod.spec?.containers ?? []) {
    addInto(requests, toMap(c.resources?.requests));
    addInto(limits, toMap(c.resources?.limits));
  }
  for (const c of pod.spec?.initContainers ?? []) {
    maxInto(requests, toMap(c.resources?.requests));
    maxInto(limits, toMap(c.resources?.limits));
  }
  const overhead = toMap(pod.spec?.overhead);
  addInto(requests, overhead);
  if (limits.size > 0) addInto(limits, overhead);
  return { requests, limits };
}

/** Go's `int64(float64(a) / float64(b) * 100)`. */
function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

const share = (q: Quantity, whole: Quantity, milli: boolean): string =>
  `${formatQuantity(q)} (${percent(milli ? quantityMilliValue(q) : quantityValue(q), milli ? quantityMilliValue(whole) : quantityValue(whole))}%)`;

const STANDARD = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);

/** Writes `Non-terminated Pods:` and `Allocated resources:`; `pods` are the node's pods in the API's order. */
export function writeNodeResources(w: PrefixWriter, node: Node, pods: readonly Pod[], now: number): void {
  const st = node.status ?? {};
  const allocatable = toMap(Object.keys(st.allocatable ?? {}).length > 0 ? st.allocatable : st.capacity);
  const cpu = allocatable.get("cpu") ?? ZERO;
  const memory = allocatable.get("memory") ?? ZERO;
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const pod of pods) {
    const rl = podRequestsAndLimits(pod);
    addInto(reqs, rl.requests);
    addInto(limits, rl.limits);
    const get = (m: ResourceMap, k: string) => m.get(k) ?? ZERO;
    const age = humanDuration(now - Date.parse(pod.metadata.creationTimestamp));
    w.write(
      1,
      `${pod.metadata.namespace ?? ""}\t${pod.metadata.name}\t\t${share(get(rl.requests, "cpu"), cpu, true)}\t${share(get(rl.limits, "cpu"), cpu, true)}\t${share(get(rl.requests, "memory"), memory, false)}\t${share(get(rl.limits, "memory"), memory, false)}\t${age}\n`,
    );
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  const row = (name: string, milli: boolean) => {
    const whole = allocatable.get(name) ?? ZERO;
    w.write(
      1,
      `${name}\t${share(reqs.get(name) ?? ZERO, whole, milli)}\t${share(limits.get(name) ?? ZERO, whole, milli)}\n`,
    );
  };
  row("cpu", true);
  row("memory", false);
  row("ephemeral-storage", false);
  const names = [...allocatable.keys()].sort();
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) row(name, false);
  for (const name of names.filter(
    (n) => !n.startsWith("hugepages-") && !STANDARD.has(n) && !n.startsWith("requests."),
  )) {
    w.write(
      1,
      `${name}\t${formatQuantity(reqs.get(name) ?? ZERO)}\t${formatQuantity(limits.get(name) ?? ZERO)}\n`,
    );
  }
}
