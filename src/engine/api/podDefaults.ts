/**
 * Pod and pod-template defaulting (`pkg/apis/core/v1/defaults.go`). What
 * admission adds to pods is in admission.ts.
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

type Probe = NonNullable<IContainer["livenessProbe"]>;
type HttpGet = NonNullable<Probe["httpGet"]>;
type Volume = NonNullable<IPodSpec["volumes"]>[number];
type FieldRef = { apiVersion?: string; fieldPath: string };

/** `SetDefaults_HTTPGetAction`. */
function defaultHttpGet(g: HttpGet | undefined): void {
  if (!g) return;
  g.path ||= "/";
  g.scheme ||= "HTTP";
}

/** `SetDefaults_Probe` (and its handler's HTTPGetAction). */
function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  defaultHttpGet(p.httpGet);
}

/** `SetDefaults_ObjectFieldSelector`. */
function defaultFieldRef(f: FieldRef | undefined): void {
  if (f) f.apiVersion ||= "v1";
}

function defaultContainer(c: IContainer): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= EMPTY;
  for (const p of c.ports ?? []) p.protocol ??= "TCP";
  for (const e of c.env ?? []) defaultFieldRef(e.valueFrom?.fieldRef);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHttpGet(c.lifecycle?.postStart?.httpGet);
  defaultHttpGet(c.lifecycle?.preStop?.httpGet);
}

/** The volume sources' defaults: file modes 0644, the token's hour, an emptyDir where no source is given. */
function defaultVolume(v: Volume): void {
  const { name: _name, ...sources } = v;
  if (Object.keys(sources).length === 0) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= 420;
    for (const item of v.downwardAPI.items ?? []) defaultFieldRef(item.fieldRef);
  }
  if (v.hostPath) v.hostPath.type ??= "";
  if (v.projected && !Object.isFrozen(v.projected)) {
    v.projected.defaultMode ??= 420;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
      for (const item of s.downwardAPI?.items ?? []) defaultFieldRef(item.fieldRef);
    }
  }
}

/** `SetDefaults_PodSpec` and the defaults of what it holds: pods and pod templates alike. */
export function defaultPodSpec(spec: IPodSpec): void {
  spec.restartPolicy ??= "Always";
  spec.dnsPolicy ??= "ClusterFirst";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= EMPTY;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/**
 * `SetDefaults_Pod`: what only a Pod gets, never a template: requests copied
 * from limits where missing, service links on, host ports for hostNetwork.
 */
export function defaultPodOnlyFields(spec: IPodSpec): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = { ...c.resources?.requests };
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
    c.resources = { ...c.resources, requests };
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) p.hostPort ||= p.containerPort;
    }
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
