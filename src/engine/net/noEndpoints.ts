/**
 * Why a refused or dropped packet found no endpoint: the Service port it was addressed to, and the
 * EndpointSlice controller's answer for that port (`whyNoEndpoints`), put in one sentence for the
 * hop where the data plane refused it (iptables' "has no endpoints" REJECT, IPVS without a real
 * server, nftables' no-endpoint verdict map).
 */
import type { Service } from "../api/types";
import type { Cluster } from "../cluster";
import { type NoEndpointsAnswer, whyNoEndpoints } from "../controllers/endpointslice/whyNoEndpoints";
import type { AddressIndex } from "./addresses";
import { say, type TraceMessage } from "./messages";
import type { Packet } from "./types";

type ServicePortSpec = NonNullable<NonNullable<Service["spec"]>["ports"]>[number];

/** Names listed in a sentence at most. */
const LISTED = 3;

/**
 * The Service port a packet was addressed to: by ClusterIP, externalIP or LoadBalancer ingress IP
 * and port, or by a node's address and a NodePort.
 */
export function addressedServicePort(
  cluster: Cluster,
  index: AddressIndex,
  p: Packet,
): { service: Service; port: ServicePortSpec } | undefined {
  const matches = (sp: ServicePortSpec, port: number | undefined) =>
    port === p.dport && (sp.protocol ?? "TCP") === p.proto;
  const byIp = index.clusterIps.get(p.dst) ?? index.externalIps.get(p.dst);
  if (byIp) {
    const port = byIp.spec?.ports?.find((sp) => matches(sp, sp.port));
    return port ? { service: byIp, port } : undefined;
  }
  if (!index.nodeByIp.has(p.dst)) return undefined;
  for (const service of cluster.store.list("Service")) {
    const port = service.spec?.ports?.find((sp) => matches(sp, sp.nodePort));
    if (port) return { service, port };
  }
  return undefined;
}

/**
 * Why the Service port `p` was addressed to has no endpoint, as a trace message; undefined when it
 * has ready endpoints (the packet was refused for another reason) or is no Service port.
 */
export function noEndpointsReason(
  cluster: Cluster,
  index: AddressIndex,
  p: Packet,
): TraceMessage | undefined {
  const target = addressedServicePort(cluster, index, p);
  if (!target) return undefined;
  const { service, port } = target;
  const namespace = service.metadata.namespace ?? "default";
  const answer = whyNoEndpoints({
    service,
    pods: cluster.store.list("Pod"),
    slices: cluster.store.list("EndpointSlice", namespace),
    port: port.name ?? "",
  });
  const name = `${namespace}/${service.metadata.name}`;
  return reasonMessage(answer, port.name ? `${name}:${port.name}` : name, namespace);
}

function names(list: readonly string[], count: number): string {
  const shown = list.slice(0, LISTED).join(", ");
  return count > LISTED ? `${shown}, …` : shown;
}

const pairs = (o: Record<string, string>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");

/** The answer in one sentence (the why panel tells the whole of it). */
export function reasonMessage(
  a: NoEndpointsAnswer,
  service: string,
  namespace: string,
): TraceMessage | undefined {
  switch (a.reason) {
    case "NotFound":
    case "ExternalName":
    case "HasEndpoints":
      return undefined;
    case "NoSelector":
      return say("endpoints.noSelector", { service, count: a.slices });
    case "NoMatchingPods": {
      const near = a.nearest[0];
      const values = { service, selector: pairs(a.selector), namespace };
      return near
        ? say("endpoints.noMatchNear", { ...values, labels: pairs(near.labels), count: near.podCount })
        : say("endpoints.noMatch", values);
    }
    case "PodsNotRunning":
    case "PodsNotReady":
      return say(a.reason === "PodsNotRunning" ? "endpoints.notRunning" : "endpoints.notReady", {
        service,
        count: a.podCount,
        pods: names(
          a.pods.map((p) => p.name),
          a.podCount,
        ),
      });
    case "PortNotFound":
      return say(a.declared.length ? "endpoints.portNotFound" : "endpoints.portNotFoundNone", {
        service,
        targetPort: a.ports.map((p) => p.targetPort).join(", "),
        count: a.podCount,
        declared: a.declared.join(", "),
      });
    case "SlicesBehind":
      return say("endpoints.slicesBehind", { service, count: a.podCount, pods: names(a.pods, a.podCount) });
  }
}
