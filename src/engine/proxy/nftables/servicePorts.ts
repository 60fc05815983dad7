/**
 * What kube-proxy's service and endpoint change trackers hold, per
 * ServicePort: the names, addresses and endpoints the nftables rules are
 * written from (`pkg/proxy/serviceport.go`, `endpointslicecache.go`).
 */

import { isIPv4, parseCidrOrAddress } from "../../api/ipv4";
import type { EndpointSlice, Service } from "../../api/types";
import { servicePorts as portsOf, type ServicePort } from "../servicePort";
import { type CompactEndpoints, collectEndpoints, expandEndpoints, type NftEndpointInfo } from "./endpoints";
import type { NftNames } from "./hash";
import type { Cidr } from "./model";
import { type PortChainNames, portChainNames } from "./names";

export type { NftEndpointInfo } from "./endpoints";

/** One port of one Service (the shared ServicePort) with what the nftables rules name and match. */
export interface PortSpec extends ServicePort {
  /** loadBalancerSourceRanges parsed (a bare address is its /32). */
  sourceRanges: Cidr[];
  /** `ns/svc/proto/port`, what the chain names hash. */
  readable: string;
  /** `HASH-ns/svc/proto/port` */
  chainBase: string;
  /** Its service, local, external and firewall chains' names (under `chainBase`). */
  chainNames: PortChainNames;
  /** Unique endpoints in slice order. */
  eps: CompactEndpoints;
  /**
   * Unset here: the slot `withEndpoints` fills, present (undefined) from
   * the start so a port and its expanded copy share one object shape.
   */
  endpoints?: NftEndpointInfo[];
}

/** One port of one Service, with everything the rules need. */
export interface ServicePortInfo extends PortSpec {
  /** Endpoints sorted by `IP:port`, duplicates removed. */
  endpoints: NftEndpointInfo[];
}

/** `namespace/name`, the key Services are sorted and grouped by. */
export function serviceKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? "default"}/${name}`;
}

export { slicesByService } from "../endpoints";

/** Does kube-proxy program this Service (an IPv4 ClusterIP, not ExternalName or headless)? */
export function isProgrammed(svc: Service): boolean {
  const spec = svc.spec;
  return spec !== undefined && spec.type !== "ExternalName" && isIPv4(spec.clusterIP);
}

const NO_CIDRS: Cidr[] = [];

/** The ServicePorts of one programmed Service, in spec order. */
export function portSpecs(
  svc: Service,
  slices: readonly EndpointSlice[],
  node: string,
  names: NftNames,
): PortSpec[] {
  return portsOf(svc).map((sp) => {
    // Joined, not concatenated: one flat string for the hasher and every endpoint's name.
    const readable = [sp.namespace, sp.name, sp.protocol, sp.portName].join("/");
    const chainBase = names.hashAndTruncate(readable);
    const spec: PortSpec = {
      namespace: sp.namespace,
      name: sp.name,
      nameString: sp.nameString,
      portName: sp.portName,
      protocol: sp.protocol,
      port: sp.port,
      clusterIP: sp.clusterIP,
      nodePort: sp.nodePort,
      externalIPs: sp.externalIPs,
      loadBalancerVIPs: sp.loadBalancerVIPs,
      loadBalancerSourceRanges: sp.loadBalancerSourceRanges,
      stickyMaxAgeSeconds: sp.stickyMaxAgeSeconds,
      internalPolicyLocal: sp.internalPolicyLocal,
      externalPolicyLocal: sp.externalPolicyLocal,
      healthCheckNodePort: sp.healthCheckNodePort,
      sourceRanges: sp.loadBalancerSourceRanges.length
        ? sp.loadBalancerSourceRanges.map(parseCidrOrAddress).filter((c): c is Cidr => c !== undefined)
        : NO_CIDRS,
      readable,
      chainBase,
      chainNames: portChainNames(chainBase),
      eps: collectEndpoints(slices, sp, node),
      endpoints: undefined,
    };
    return spec;
  });
}

/** A port with its endpoints expanded (sorted, named): what the chains are written from. */
export function withEndpoints(spec: PortSpec, names: NftNames): ServicePortInfo {
  return { ...spec, endpoints: expandEndpoints(spec.eps, spec.readable, names) };
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
  names: NftNames,
): ServicePortInfo[] {
  const out: ServicePortInfo[] = [];
  for (const { svc, key } of sortedServices(services)) {
    if (!isProgrammed(svc)) continue;
    for (const spec of portSpecs(svc, slices.get(key) ?? [], node, names))
      out.push(withEndpoints(spec, names));
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

export { externallyAccessible } from "../servicePort";
