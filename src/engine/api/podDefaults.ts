/**
 * Pod and pod-template defaulting (`pkg/apis/core/v1/defaults.go`) plus the
 * bits admission adds to pods (DefaultTolerationSeconds, priority).
 */
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";

/** `Always` for `:latest` or an untagged image, else `IfNotPresent` (digests included). */
export function defaultPullPolicy(image: string | undefined): "Always" | "IfNotPresent" {
  if (!image) return "Always";
  if (image.includes("@")) return "IfNotPresent";
  const lastPart = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastPart.lastIndexOf(":");
  if (colon < 0) return "Always";
  return lastPart.slice(colon + 1) === "latest" ? "Always" : "IfNotPresent";
}

/**
 * Defaults that are the same for every pod are one shared, frozen value:
 * at 100,000 pods, separate copies are a fifth of the heap. Frozen, so a
 * write through any pod would throw instead of changing every pod.
 */
const EMPTY: Record<string, never> = Object.freeze({});

const DEFAULT_TOLERATIONS = Object.freeze(
  ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map((key) =>
    Object.freeze({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 }),
  ),
);

function defaultContainer(c: IContainer): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= EMPTY;
  for (const p of c.ports ?? []) p.protocol ??= "TCP";
}

/** Defaults a PodSpec in place (pods and pod templates alike). */
export function defaultPodSpec(spec: IPodSpec): void {
  spec.restartPolicy ??= "Always";
  spec.dnsPolicy ??= "ClusterFirst";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= EMPTY;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

/**
 * What admission adds to a new Pod: priority 0, the DefaultTolerationSeconds
 * tolerations for not-ready/unreachable nodes, enableServiceLinks.
 * NOTE: the ServiceAccount admission plugin also mounts a projected
 * `kube-api-access-xxxxx` token volume; Packetwalk has no service accounts.
 */
export function admitPodSpec(spec: IPodSpec): void {
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  spec.priority ??= 0;
  if (!spec.tolerations) {
    spec.tolerations = DEFAULT_TOLERATIONS as IPodSpec["tolerations"];
    return;
  }
  const tolerations = spec.tolerations;
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    if (tolerations.some((t) => t.key === key && t.effect === "NoExecute")) continue;
    tolerations.push({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 });
  }
}

/** The pod's QoS class, as the API server computes it on create. */
export function qosClass(spec: IPodSpec): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = spec.containers ?? [];
  const any = containers.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length > 0 ||
      Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!any) return "BestEffort";
  const guaranteed = containers.every((c) => {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    if (limits.cpu === undefined || limits.memory === undefined) return false;
    return ["cpu", "memory"].every(
      (r) => requests[r] === undefined || String(requests[r]) === String(limits[r]),
    );
  });
  return guaranteed ? "Guaranteed" : "Burstable";
}
