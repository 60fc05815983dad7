/**
 * The per-service-port facts every kube-proxy mode works from
 * (`pkg/proxy/serviceport.go`): ServicePortName, VIPs, NodePort, traffic
 * policies, affinity. Read from a Service once, the same for all modes.
 */

import { isIPv4 } from "../api/ipv4";
import type { Service } from "../api/types";

/** One port of one Service, as kube-proxy's service change tracker holds it. */
export interface ServicePort {
  namespace: string;
  name: string;
  /** `ns/svc:port`, or `ns/svc` for an unnamed port. */
  nameString: string;
  /** The port's name ("" when unnamed), for matching EndpointSlice ports. */
  portName: string;
  /** Lower-case, as kube-proxy writes it: tcp, udp, sctp. */
  protocol: string;
  port: number;
  clusterIP: string;
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: string[];
  /** ClientIP affinity timeout in seconds; 0 = no affinity. */
  stickyMaxAgeSeconds: number;
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  healthCheckNodePort: number;
}

/** The ServicePortName string kube-proxy prints and hashes: `ns/svc:port`, or `ns/svc` for an unnamed port. */
export function servicePortNameString(namespace: string, name: string, portName: string | undefined): string {
  // Joined: one flat string (kept per port, and hashed by the iptables and nftables writers).
  return portName ? [namespace, "/", name, ":", portName].join("") : [namespace, "/", name].join("");
}

/** A port's protocol as kube-proxy writes it: lower case, TCP when unset (the API's three without a new string). */
export function lowerProtocol(protocol: string | undefined): string {
  switch (protocol ?? "TCP") {
    case "TCP":
      return "tcp";
    case "UDP":
      return "udp";
    case "SCTP":
      return "sctp";
    default:
      return (protocol ?? "TCP").toLowerCase();
  }
}

/** The empty address list every port without such addresses shares (never written to). */
const NONE: string[] = [];
const NONE_PORTS: readonly NonNullable<NonNullable<Service["spec"]>["ports"]>[number][] = [];

/**
 * Service ports kube-proxy programs: not headless, not ExternalName.
 * NOTE: IPv4 only; a dual-stack kube-proxy runs a second proxier for IPv6.
 */
export function servicePorts(svc: Service): ServicePort[] {
  const spec = svc.spec;
  if (!spec || spec.type === "ExternalName") return [];
  const clusterIP = spec.clusterIP;
  if (!isIPv4(clusterIP)) return [];
  const namespace = svc.metadata.namespace ?? "default";
  const type = spec.type ?? "ClusterIP";
  const isExternalType = type === "NodePort" || type === "LoadBalancer";
  // NOTE: ingress entries with ipMode "Proxy" are skipped, as kube-proxy 1.30+ does.
  const ingress = type === "LoadBalancer" ? svc.status?.loadBalancer?.ingress : undefined;
  const lbVIPs = ingress?.length
    ? ingress
        .filter((i) => (i as { ipMode?: string }).ipMode !== "Proxy")
        .map((i) => i.ip)
        .filter(isIPv4)
    : NONE;
  const externalIPs = spec.externalIPs?.length ? spec.externalIPs.filter(isIPv4) : NONE;
  const sourceRanges =
    type === "LoadBalancer" && spec.loadBalancerSourceRanges?.length
      ? spec.loadBalancerSourceRanges.map((r) => r.trim())
      : NONE;
  const affinity =
    spec.sessionAffinity === "ClientIP" ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) : 0;
  const externalPolicyLocal =
    (isExternalType || externalIPs.length > 0) && spec.externalTrafficPolicy === "Local";
  const ports = spec.ports ?? NONE_PORTS;
  const out = new Array<ServicePort>(ports.length);
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i]!;
    out[i] = {
      namespace,
      name: svc.metadata.name,
      nameString: servicePortNameString(namespace, svc.metadata.name, p.name),
      portName: p.name ?? "",
      protocol: lowerProtocol(p.protocol),
      port: p.port,
      clusterIP,
      nodePort: isExternalType ? (p.nodePort ?? 0) : 0,
      externalIPs,
      loadBalancerVIPs: lbVIPs,
      loadBalancerSourceRanges: sourceRanges,
      stickyMaxAgeSeconds: affinity,
      internalPolicyLocal: spec.internalTrafficPolicy === "Local",
      externalPolicyLocal,
      healthCheckNodePort:
        type === "LoadBalancer" && externalPolicyLocal ? (spec.healthCheckNodePort ?? 0) : 0,
    };
  }
  return out;
}

/** What the traffic-policy questions read of a ServicePort. */
export type PolicyFacts = Pick<
  ServicePort,
  "nodePort" | "externalIPs" | "loadBalancerVIPs" | "internalPolicyLocal" | "externalPolicyLocal"
>;

/** NodePort, externalIPs or LB VIPs: reachable from outside the cluster network. */
export function externallyAccessible(s: PolicyFacts): boolean {
  return s.nodePort !== 0 || s.externalIPs.length > 0 || s.loadBalancerVIPs.length > 0;
}

/**
 * The port ever sends traffic to "Cluster" endpoints: internal traffic
 * policy Cluster, or any external traffic at all (even with eTP Local the
 * cluster endpoints are needed for pod → external-address traffic).
 */
export function usesClusterEndpoints(s: PolicyFacts): boolean {
  return !s.internalPolicyLocal || externallyAccessible(s);
}

/** The port ever sends traffic to "Local" endpoints: iTP Local, or eTP Local with external traffic. */
export function usesLocalEndpoints(s: PolicyFacts): boolean {
  return s.internalPolicyLocal || (s.externalPolicyLocal && externallyAccessible(s));
}
