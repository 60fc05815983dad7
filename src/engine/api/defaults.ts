/**
 * Defaulting as the API server does it before validation
 * (`pkg/apis/<group>/v1/defaults.go`). Version-dependent fields
 * follow `cluster.atLeast`.
 */
import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";
import type { Cluster } from "../cluster";
import { defaultPodOnlyFields, defaultPodSpec, qosClass } from "./podDefaults";
import type { Deployment, Endpoints, Namespace, Pod, ReplicaSet, Service } from "./types";

/** Services that get a ClusterIP: every type but ExternalName. */
export function needsClusterIP(spec: IServiceSpec): boolean {
  return spec.type !== "ExternalName";
}

/** NodePort and LoadBalancer (unless allocateLoadBalancerNodePorts is false) get nodePorts. */
export function needsNodePorts(spec: IServiceSpec): boolean {
  return (
    spec.type === "NodePort" || (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false)
  );
}

/** Defaults a Service in place. */
export function defaultService(svc: Service, cluster: Cluster): void {
  svc.spec ??= {};
  const spec = svc.spec;
  spec.type ??= "ClusterIP";
  spec.sessionAffinity ??= "None";
  if (
    spec.sessionAffinity === "ClientIP" &&
    spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined
  ) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= "TCP";
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
  if (spec.type !== "ExternalName" && cluster.atLeast(1, 22)) spec.internalTrafficPolicy ??= "Cluster";
  if (spec.type === "LoadBalancer" && cluster.atLeast(1, 20)) spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
  if (spec.type !== "ExternalName" && cluster.atLeast(1, 21)) {
    // NOTE: single-stack IPv4 cluster; on dual-stack clusters a selector-less headless
    // Service would get RequireDualStack and both families.
    spec.ipFamilyPolicy ??= "SingleStack";
    spec.ipFamilies ??= ["IPv4"];
  }
  svc.status ??= { loadBalancer: {} };
}

/** Defaults a Pod in place (`SetDefaults_Pod`, `SetDefaults_PodSpec`); the registry's Pending status. */
export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  defaultPodSpec(spec);
  defaultPodOnlyFields(spec);
  pod.status ??= { phase: "Pending", qosClass: qosClass(spec) };
}

/** Defaults an apps/v1 Deployment in place. */
export function defaultDeployment(d: Deployment): void {
  d.spec ??= { selector: {}, template: {} };
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  const strategy = spec.strategy;
  strategy.type ??= "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    strategy.rollingUpdate ??= {};
    const ru = strategy.rollingUpdate;
    ru.maxUnavailable ??= "25%";
    ru.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/** Defaults an apps/v1 ReplicaSet in place. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec ??= { selector: {} };
  const spec = rs.spec;
  spec.replicas ??= 1;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/** Defaults a Namespace in place (the name label is 1.21+). */
export function defaultNamespace(ns: Namespace, cluster: Cluster): void {
  if (cluster.atLeast(1, 21)) {
    ns.metadata.labels = { ...ns.metadata.labels, "kubernetes.io/metadata.name": ns.metadata.name };
  }
  ns.spec ??= { finalizers: ["kubernetes"] };
  ns.status ??= { phase: "Active" };
}

/** Defaults Endpoints in place (`SetDefaults_Endpoints`: a port's protocol is TCP). */
export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ??= "TCP";
}
