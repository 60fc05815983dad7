/** The pod status a kubelet reports: conditions, container statuses, QoS class. */

import type { Pod } from "../api/types";
import type { Cluster } from "../cluster";
import { deepFreeze, InternTable } from "../util/intern";
import { randomHex } from "../util/names";
import { fnv32aString } from "./podTemplateHash";

type PodStatus = NonNullable<Pod["status"]>;
type PodCondition = NonNullable<PodStatus["conditions"]>[number];
type ContainerStatus = NonNullable<PodStatus["containerStatuses"]>[number];

/** The pod condition types, in the order the kubelet writes them. */
export const POD_CONDITION_ORDER = [
  "PodReadyToStartContainers",
  "Initialized",
  "Ready",
  "ContainersReady",
  "PodScheduled",
] as const;

/**
 * Sets a condition's status, keeping lastTransitionTime when the status
 * does not change (as the kubelet's status manager does).
 */
export function setCondition(conditions: PodCondition[], next: PodCondition, now: string): PodCondition[] {
  const prev = conditions.find((c) => c.type === next.type);
  const lastTransitionTime =
    prev && prev.status === next.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  const merged = { ...next, lastTransitionTime };
  const out = conditions.filter((c) => c.type !== next.type);
  out.push(merged);
  const rank = (t: string) => {
    const i = (POD_CONDITION_ORDER as readonly string[]).indexOf(t);
    return i < 0 ? POD_CONDITION_ORDER.length : i;
  };
  return out.sort((a, b) => rank(a.type) - rank(b.type));
}

/**
 * `setCondition` for each of the five kubelet conditions in turn, in one
 * pass: `nexts` (fresh objects, stamped in place) holds every type of
 * POD_CONDITION_ORDER, in that order, so the result is those five (in order)
 * followed by any other conditions.
 */
function setAllConditions(
  shared: SharedStatusParts,
  conditions: PodCondition[],
  nexts: PodCondition[],
  now: string,
): PodCondition[] {
  const out: PodCondition[] = [];
  for (const next of nexts) {
    let prev: PodCondition | undefined;
    for (const c of conditions) {
      if (c.type === next.type) {
        prev = c;
        break;
      }
    }
    // `nexts` are fresh objects: the time goes on as their last key, as `{ ...next, lastTransitionTime }` would.
    next.lastTransitionTime =
      prev && prev.status === next.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
    out.push(next);
  }
  for (const c of conditions) {
    if (!(POD_CONDITION_ORDER as readonly string[]).includes(c.type)) out.push(c);
  }
  // Only the kubelet's own five (fields known): anything else is the pod's own.
  if (out.length !== nexts.length) return out;
  return shared.conditions(out);
}

/**
 * Frozen parts of pod statuses that many pods hold alike (the conditions of
 * pods started together, `state.running` by start time, an image's resolved
 * reference, a node's hostIPs). One per kubelet: simulations share nothing.
 */
export class SharedStatusParts {
  /** The condition list last shared between pods. */
  private lastConditions: PodCondition[] | undefined;
  private readonly running = new InternTable<NonNullable<ContainerStatus["state"]>>();
  private readonly images = new InternTable<readonly [string, string]>(10_000);
  private readonly hostIPLists = new InternTable<{ ip: string }[]>();

  /**
   * Pods started together report the same list: compare with the last one
   * shared (no key to build), and share this one from now on when it differs.
   */
  conditions(out: PodCondition[]): PodCondition[] {
    if (this.lastConditions === undefined || !sameConditions(this.lastConditions, out))
      this.lastConditions = deepFreeze(out);
    return this.lastConditions;
  }

  /** `state.running` for a start time. */
  runningState(startedAt: string): NonNullable<ContainerStatus["state"]> {
    return this.running.get(startedAt, () => ({ running: { startedAt } }));
  }

  /** An image reference's normalized image and imageID (pure functions of the reference). */
  image(ref: string): readonly [string, string] {
    return this.images.get(ref, () => {
      const image = normalizeImage(ref);
      return [image, `${image.replace(/:[^:/]*$/, "")}@sha256:${imageDigest(image)}`];
    });
  }

  /** A node's `hostIPs` list for its address. */
  hostIPs(ip: string): { ip: string }[] {
    return this.hostIPLists.get(ip, () => [{ ip }]);
  }
}

function sameConditions(a: readonly PodCondition[], b: readonly PodCondition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.type !== y.type ||
      x.status !== y.status ||
      x.lastTransitionTime !== y.lastTransitionTime ||
      x.reason !== y.reason ||
      x.message !== y.message
    )
      return false;
  }
  return true;
}

/** The empty lastState. */
const EMPTY_STATE: NonNullable<ContainerStatus["lastState"]> = Object.freeze({});

/** The conditions of a pod whose containers run, ready or not. */
export function runningConditions(
  shared: SharedStatusParts,
  pod: Pod,
  ready: boolean,
  now: string,
): PodCondition[] {
  const cs = pod.status?.conditions ?? [];
  const notReady = ready
    ? {}
    : {
        reason: "ContainersNotReady",
        message: `containers with unready status: [${(pod.spec?.containers ?? []).map((c) => c.name).join(" ")}]`,
      };
  const status = ready ? "True" : "False";
  return setAllConditions(
    shared,
    cs,
    [
      { type: "PodReadyToStartContainers", status: "True" },
      { type: "Initialized", status: "True" },
      { type: "Ready", status, ...notReady },
      { type: "ContainersReady", status, ...notReady },
      { type: "PodScheduled", status: "True" },
    ],
    now,
  );
}

/** The conditions of a pod whose sandbox could not be created yet. */
export function creatingConditions(
  shared: SharedStatusParts,
  pod: Pod,
  now: string,
  reason?: string,
  message?: string,
): PodCondition[] {
  const cs = pod.status?.conditions ?? [];
  const names = (pod.spec?.containers ?? []).map((c) => c.name).join(" ");
  const notReady = { reason: "ContainersNotReady", message: `containers with unready status: [${names}]` };
  // NOTE: a real kubelet records sandbox failures as events (FailedCreatePodSandBox);
  // we also put the reason on the PodReadyToStartContainers condition so it can be seen.
  const extra = reason ? { reason, ...(message ? { message } : {}) } : {};
  return setAllConditions(
    shared,
    cs,
    [
      { type: "PodReadyToStartContainers", status: "False", ...extra },
      { type: "Initialized", status: "True" },
      { type: "Ready", status: "False", ...notReady },
      { type: "ContainersReady", status: "False", ...notReady },
      { type: "PodScheduled", status: "True" },
    ],
    now,
  );
}

/** containerd's fully qualified reference: `nginx` → `docker.io/library/nginx:latest`. */
export function normalizeImage(image: string): string {
  const slash = image.indexOf("/");
  const first = slash < 0 ? "" : image.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  let ref = hasDomain ? image : `docker.io/${slash < 0 ? "library/" : ""}${image}`;
  const lastPart = ref.slice(ref.lastIndexOf("/") + 1);
  if (!lastPart.includes(":") && !ref.includes("@")) ref += ":latest";
  return ref;
}

/** A stable 64-hex digest for an image (the same image has the same imageID on every pod). */
function imageDigest(ref: string): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += fnv32aString(`${i}:${ref}`).toString(16).padStart(8, "0");
  return out;
}

/** containerStatuses for running containers; keeps container IDs already reported. */
export function runningContainerStatuses(
  shared: SharedStatusParts,
  cluster: Cluster,
  pod: Pod,
  ready: boolean,
  now: string,
): ContainerStatus[] {
  const prev = pod.status?.containerStatuses ?? [];
  return (pod.spec?.containers ?? []).map((c) => {
    let old: ContainerStatus | undefined;
    for (const s of prev) if (s.name === c.name) old = s;
    const [image, imageID] = shared.image(c.image ?? "");
    const running = old?.state?.running ? old : undefined;
    return {
      name: c.name,
      image,
      imageID,
      containerID: running?.containerID ?? `containerd://${randomHex(cluster.prng, 64)}`,
      ready,
      started: true,
      restartCount: running?.restartCount ?? 0,
      lastState: EMPTY_STATE,
      state: shared.runningState(running?.state?.running?.startedAt ?? now),
    };
  });
}

/** containerStatuses of containers waiting for their sandbox. */
export function creatingContainerStatuses(pod: Pod): ContainerStatus[] {
  return (pod.spec?.containers ?? []).map((c) => ({
    name: c.name,
    image: c.image ?? "",
    imageID: "",
    ready: false,
    started: false,
    restartCount: 0,
    lastState: {},
    state: { waiting: { reason: "ContainerCreating" } },
  }));
}

/**
 * `qos.GetPodQOS`: Guaranteed when every container has cpu and memory limits
 * equal to its requests, BestEffort when no container asks for anything,
 * otherwise Burstable.
 */
export function qosClass(pod: Pod): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
    const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
    if (Object.keys(limits).length > 0 || Object.keys(requests).length > 0) any = true;
    for (const r of ["cpu", "memory"]) {
      const limit = limits[r];
      const request = requests[r] ?? limit;
      if (limit === undefined || String(request) !== String(limit)) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
