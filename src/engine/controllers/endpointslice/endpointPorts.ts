/**
 * Which pods become endpoints and on which ports:
 * `podutil.FindPort` and `endpointsliceutil.ShouldPodBeInEndpoints`.
 */
import type { Pod, Service } from "../../api/types";
import { isPodFinished } from "../objects";

type ServicePort = NonNullable<NonNullable<Service["spec"]>["ports"]>[number];

/** A resolved port, shaped as an EndpointSlice port. */
export interface ResolvedPort {
  name: string;
  port: number;
  protocol: "TCP" | "UDP" | "SCTP";
  appProtocol?: string;
}

/**
 * `FindPort`: a numeric targetPort is used as is; a named one is looked up
 * among the pod's containerPorts (and restartable init containers') with the
 * same name and protocol. Undefined when the pod has no such port.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  const protocol = sp.protocol ?? "TCP";
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === "Always");
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** The Service's ports resolved for one pod, in Service port order; unresolvable ones left out. */
export function endpointPorts(svc: Service, pod: Pod): ResolvedPort[] {
  const out: ResolvedPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({
      name: sp.name ?? "",
      port,
      protocol: (sp.protocol ?? "TCP") as ResolvedPort["protocol"],
      ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}),
    });
  }
  return out;
}

/** A Service's ports resolved for one pod, and their port set's key. */
export interface PodPorts {
  ports: ResolvedPort[];
  key: string;
}

/**
 * Resolves a Service's ports pod by pod. Only named targetPorts depend on
 * the pod: without one, every pod gets the same ports, resolved once.
 */
export function portsResolver(svc: Service): (pod: Pod) => PodPorts {
  const resolve = (pod: Pod): PodPorts => {
    const ports = endpointPorts(svc, pod);
    return { ports, key: portSetKey(ports) };
  };
  const named = (svc.spec?.ports ?? []).some((sp) => typeof (sp.targetPort ?? sp.port) === "string");
  if (named) return resolve;
  let same: PodPorts | undefined;
  return (pod) => {
    same ??= resolve(pod);
    return same;
  };
}

/** A stable key for a port set. */
export function portSetKey(
  ports: readonly { name?: string; port?: number; protocol?: string; appProtocol?: string }[],
): string {
  // Most Services have one port: its key, without an array to sort.
  if (ports.length === 1) return portKey(ports[0]!);
  return ports.map(portKey).sort().join(",");
}

function portKey(p: { name?: string; port?: number; protocol?: string; appProtocol?: string }): string {
  return `${p.name ?? ""}/${p.port ?? ""}/${p.protocol ?? "TCP"}/${p.appProtocol ?? ""}`;
}

/**
 * `ShouldPodBeInEndpoints`: a pod with an IPv4 address, not Succeeded or Failed;
 * terminating pods only when `includeTerminating`.
 *
 * NOTE: Packetwalk's pods are single-stack IPv4; IPv6 addresses never become endpoints.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const ip = pod.status?.podIP;
  if (!ip || ip.includes(":")) return false;
  if (isPodFinished(pod)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The endpoint hostname: spec.hostname when spec.subdomain names this Service. */
export function endpointHostname(pod: Pod, svc: Service): string | undefined {
  if (!pod.spec?.hostname || pod.spec.subdomain !== svc.metadata.name) return undefined;
  if ((pod.metadata.namespace ?? "default") !== (svc.metadata.namespace ?? "default")) return undefined;
  return pod.spec.hostname;
}

/** An endpoint's identity among its Service's endpoints: address and pod name. */
export function endpointIdentity(ip: string, podName: string): string {
  return `${ip}|${podName}`;
}

/** A reference to a pod, as endpoints carry it. */
export interface PodRef {
  readonly kind: "Pod";
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
}

/**
 * The Pod reference endpoints carry, frozen: the ServiceIndex makes one per
 * pod and its EndpointSlice and Endpoints entries share it (at 100,000
 * endpoints the copies would be garbage the collector copies and keeps).
 */
export function podRef(pod: Pod): PodRef {
  return Object.freeze({
    kind: "Pod" as const,
    namespace: pod.metadata.namespace ?? "default",
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  });
}
