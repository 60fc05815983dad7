/**
 * What the Service strategy and REST layer do to an update before allocating:
 * `dropTypeDependentFields` (strategy.go) and `patchAllocatedValues` (storage/storage.go).
 */
import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";
import { needsClusterIP, needsNodePorts } from "./defaults";
import type { Service } from "./types";

function sameNodePorts(a: IServiceSpec, b: IServiceSpec): boolean {
  const pa = a.ports ?? [];
  const pb = b.ports ?? [];
  return pa.length === pb.length && pa.every((p, i) => (p.nodePort ?? 0) === (pb[i]?.nodePort ?? 0));
}

/**
 * Clears fields the new type does not use, when the user left them as they were:
 * nodePorts and healthCheckNodePort off NodePort/LoadBalancer, ClusterIPs and
 * IP families for ExternalName, externalTrafficPolicy off external types.
 */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  svc.spec ??= {};
  const spec = svc.spec;
  const oldSpec = old.spec ?? {};
  if (spec.type === oldSpec.type) return;
  if (!needsClusterIP(spec) && needsClusterIP(oldSpec)) {
    if (spec.clusterIP === oldSpec.clusterIP) delete spec.clusterIP;
    if (JSON.stringify(spec.clusterIPs) === JSON.stringify(oldSpec.clusterIPs)) delete spec.clusterIPs;
    if (JSON.stringify(spec.ipFamilies) === JSON.stringify(oldSpec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    if (spec.internalTrafficPolicy === oldSpec.internalTrafficPolicy) delete spec.internalTrafficPolicy;
  }
  if (!needsNodePorts(spec) && needsNodePorts(oldSpec) && sameNodePorts(spec, oldSpec)) {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  const external = (s: IServiceSpec) => s.type === "NodePort" || s.type === "LoadBalancer";
  if (!(spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local")) {
    if (spec.healthCheckNodePort === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  if (!external(spec) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (
    spec.type !== "LoadBalancer" &&
    spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts
  ) {
    delete spec.allocateLoadBalancerNodePorts;
  }
}

/**
 * Fills in allocated values the client left out (for idempotent applies):
 * ClusterIP(s), nodePorts matched by port name, healthCheckNodePort.
 */
export function patchAllocatedValues(svc: Service, old: Service): void {
  svc.spec ??= {};
  const spec = svc.spec;
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = [...oldSpec.clusterIPs];
  }
  if (needsNodePorts(oldSpec) && needsNodePorts(spec)) {
    const used = new Set((spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? "", p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const oldVal = byName.get(p.name ?? "") ?? 0;
      if (oldVal && !used.has(oldVal)) {
        p.nodePort = oldVal;
        used.add(oldVal);
      }
    }
  }
  const hc = (s: IServiceSpec) => s.type === "LoadBalancer" && s.externalTrafficPolicy === "Local";
  if (hc(oldSpec) && hc(spec) && !spec.healthCheckNodePort && oldSpec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
  normalizeClusterIPs(spec, oldSpec);
}

const sameIPs = (a: IServiceSpec, b: IServiceSpec) =>
  JSON.stringify(a.clusterIPs ?? []) === JSON.stringify(b.clusterIPs ?? []);

/**
 * `normalizeClusterIPs` on update: keeps `clusterIP` and `clusterIPs` in step when a client
 * changed only one of them (an old client's patch of `clusterIP` changes `clusterIPs` too,
 * so validation reports `spec.clusterIPs[0]: … may not change once set`).
 */
function normalizeClusterIPs(spec: IServiceSpec, oldSpec: IServiceSpec): void {
  if (
    (oldSpec.clusterIPs?.length ?? 0) > 0 &&
    !spec.clusterIPs?.length &&
    oldSpec.clusterIP === spec.clusterIP
  )
    spec.clusterIPs = [...(oldSpec.clusterIPs ?? [])];
  if (oldSpec.clusterIP === spec.clusterIP) return;
  if (oldSpec.clusterIP && !spec.clusterIP && sameIPs(oldSpec, spec)) delete spec.clusterIPs;
  if (spec.clusterIP && sameIPs(oldSpec, spec)) spec.clusterIPs = [spec.clusterIP];
}
