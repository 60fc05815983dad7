import type { EndpointSlice, Endpoints, Service } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { formatLabels } from "../selector";
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { formatEndpointSlicesForPort, formatEndpointsForPort } from "./endpointsFormat";
import { PrefixWriter } from "./writer";

/**
 * kubectl switched `describe service` from v1 Endpoints to EndpointSlices
 * in 1.31 (kubernetes/kubernetes#124598).
 */
function usesEndpointSlices(cluster: Cluster): boolean {
  return cluster.atLeast(1, 31);
}

/** `kubectl describe service` (`describeService` in kubectl's describe.go). */
export function describeService(cluster: Cluster, svc: Service): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  // NOTE: before 1.21 the IPv6DualStack gate was off by default and the API
  // server dropped ipFamilyPolicy/ipFamilies, so kubectl printed `IP Families: <none>`.
  const dualStackFields = cluster.atLeast(1, 21);
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? "default"}\n`);
  writeLabels(w, "Labels", svc.metadata.labels);
  writeAnnotations(w, svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? "ClusterIP"}\n`);
  if (dualStackFields && spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = dualStackFields ? (spec.ipFamilies ?? []) : [];
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(",") : "<none>"}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
  const ips = spec.clusterIPs ?? [];
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(",") : "<none>"}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress.map((i) =>
      i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ""),
    );
    w.write(0, `LoadBalancer Ingress:\t${list.join(", ")}\n`);
  }
  const ns = svc.metadata.namespace ?? "default";
  const slices = cluster.store
    .list("EndpointSlice", ns)
    .filter((s: EndpointSlice) => s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
  const endpoints: Endpoints | undefined = cluster.store.get("Endpoints", ns, svc.metadata.name);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || "<unset>";
    const proto = sp.protocol ?? "TCP";
    w.write(0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`);
    if (sp.appProtocol) w.write(0, `AppProtocol:\t${sp.appProtocol}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    const eps = usesEndpointSlices(cluster)
      ? formatEndpointSlicesForPort(slices, sp.name ?? "")
      : formatEndpointsForPort(endpoints, sp.name ?? "");
    w.write(0, `Endpoints:\t${eps}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? "None"}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) {
    w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
  }
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  writeEvents(w);
  return w.toString();
}
