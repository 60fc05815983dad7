/**
 * What kube-proxy's service and endpoint change trackers hold, per
 * ServicePort: the names, addresses and endpoints the nftables rules are
 * written from (`pkg/proxy/serviceport.go`, `endpointslicecache.go`).
 */

import { isIPv4, parseCidrOrAddress } from "../../api/ipv4";
import type { EndpointSlice, Service } from "../../api/types";
import {
  type CompactEndpoints,
  collectEndpoints,
  type EndpointInfo,
  expandEndpoints,
  hashed,
  type NameCache,
} from "./endpoints";
import type { Cidr } from "./model";

export type { EndpointInfo, NameCache } from "./endpoints";

/** One port of one Service, with everything but its endpoints' per-endpoint names. */
export interface PortSpec {
  namespace: string;
  name: string;
  portName: string;
  /** Lower case, as nft writes it. */
  protocol: string;
  port: number;
  nodePort: number;
  clusterIP: string;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: Cidr[];
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  /** ClientIP affinity timeout in seconds, when sessionAffinity is ClientIP. */
  affinitySeconds?: number;
  /** ServicePortName: `ns/svc:port`, or `ns/svc` for an unnamed port. */
  nameString: string;
  /** `ns/svc/proto/port`, what the chain names hash. */
  readable: string;
  /** `HASH-ns/svc/proto/port` */
  chainBase: string;
  /** Unique endpoints in slice order. */
  eps: CompactEndpoints;
}

/** One port of one Service, with everything the rules need. */
export interface ServicePortInfo extends PortSpec {
  /** Endpoints sorted by `IP:port`, duplicates removed. */
  endpoints: EndpointInfo[];
}

/** `namespace/name`, the key Services are sorted and grouped by. */
export function serviceKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? "default"}/${name}`;
}

/** Slices of each Service, by `namespace/name` (label `kubernetes.io/service-name`). */
export function slicesByService(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.["kubernetes.io/service-name"];
    if (!svc || s.addressType !== "IPv4") continue;
    const key = serviceKey(s.metadata.namespace, svc);
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

/** Does kube-proxy program this Service (an IPv4 ClusterIP, not ExternalName or headless)? */
export function isProgrammed(svc: Service): boolean {
  const spec = svc.spec;
  return spec !== undefined && spec.type !== "ExternalName" && isIPv4(spec.clusterIP);
}

const NO_STRINGS: string[] = [];
const NO_CIDRS: Cidr[] = [];

/** The ServicePorts of one programmed Service, in spec order. */
export function portSpecs(
  svc: Service,
  slices: readonly EndpointSlice[],
  node: string,
  cache?: NameCache,
): PortSpec[] {
  const spec = svc.spec;
  if (!spec || !isIPv4(spec.clusterIP)) return [];
  const namespace = svc.metadata.namespace ?? "default";
  const name = svc.metadata.name;
  const isLB = spec.type === "LoadBalancer";
  const lbIPs = isLB ? (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter(isIPv4) : NO_STRINGS;
  const ranges = isLB
    ? (spec.loadBalancerSourceRanges ?? [])
        .map((r) => parseCidrOrAddress(r.trim()))
        .filter((c): c is Cidr => c !== undefined)
    : NO_CIDRS;
  const externalIPs = spec.externalIPs?.length ? spec.externalIPs.filter(isIPv4) : NO_STRINGS;
  const affinity =
    spec.sessionAffinity === "ClientIP"
      ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800)
      : undefined;
  const out: PortSpec[] = [];
  for (const p of spec.ports ?? []) {
    const portName = p.name ?? "";
    const protocol = (p.protocol ?? "TCP").toLowerCase();
    const readable = `${namespace}/${name}/${protocol}/${portName}`;
    const info: PortSpec = {
      namespace,
      name,
      portName,
      protocol,
      port: p.port,
      nodePort: p.nodePort ?? 0,
      clusterIP: spec.clusterIP,
      externalIPs,
      loadBalancerIPs: lbIPs,
      loadBalancerSourceRanges: ranges,
      externalPolicyLocal: false,
      internalPolicyLocal: spec.internalTrafficPolicy === "Local",
      nameString: portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`,
      readable,
      chainBase: hashed(cache, readable),
      eps: collectEndpoints(slices, portName, protocol, node),
    };
    info.externalPolicyLocal = externallyAccessible(info) && spec.externalTrafficPolicy === "Local";
    if (affinity !== undefined) info.affinitySeconds = affinity;
    out.push(info);
  }
  return out;
}

/** A port with its endpoints expanded (sorted, named): what the chains are written from. */
export function withEndpoints(spec: PortSpec, cache?: NameCache): ServicePortInfo {
  return { ...spec, endpoints: expandEndpoints(spec.eps, spec.readable, cache) };
}

/**
 * The ServicePorts kube-proxy programs on `node`: Services with an IPv4
 * ClusterIP (headless and ExternalName Services get no rules), one per port.
 * NOTE: kube-proxy iterates its ServicePort map in Go map order (random);
 * here Services come sorted by namespace/name and ports in spec order, so
 * the table's creation order is stable.
 */
export function servicePorts(
  services: readonly Service[],
  slices: Map<string, EndpointSlice[]>,
  node: string,
  cache?: NameCache,
): ServicePortInfo[] {
  const out: ServicePortInfo[] = [];
  for (const { svc, key } of sortedServices(services)) {
    if (!isProgrammed(svc)) continue;
    for (const spec of portSpecs(svc, slices.get(key) ?? [], node, cache))
      out.push(withEndpoints(spec, cache));
  }
  return out;
}

/** Services with their keys, sorted by key (already-sorted input, as the store lists it, is not re-sorted). */
export function sortedServices(services: readonly Service[]): { svc: Service; key: string }[] {
  const keyed = services.map((svc) => ({ svc, key: serviceKey(svc.metadata.namespace, svc.metadata.name) }));
  for (let i = 1; i < keyed.length; i++)
    if ((keyed[i - 1] as { key: string }).key > (keyed[i] as { key: string }).key) {
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      break;
    }
  return keyed;
}

/** NodePort, externalIPs or LoadBalancer IPs: traffic that is "external" to kube-proxy. */
export function externallyAccessible(
  s: Pick<PortSpec, "nodePort" | "externalIPs" | "loadBalancerIPs">,
): boolean {
  return s.nodePort !== 0 || s.externalIPs.length > 0 || s.loadBalancerIPs.length > 0;
}
