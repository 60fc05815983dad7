/**
 * The map and set elements one ServicePort adds (`syncProxyRules`), and
 * how many chains, rules and affinity sets it adds: both follow from the
 * endpoint counts alone, so a Service's elements and the table's size are
 * known without writing any of its chains.
 */

import { type CategoryCounts, usesClusterEndpoints, usesLocalEndpoints } from "./categorize";
import type { NftNames } from "./hash";
import type { Cidr, NftElement, Verdict } from "./model";
import { joinKey } from "./model";
import type { PortChainNames } from "./names";
import * as N from "./names";
import type { PortSpec } from "./servicePorts";
import { externallyAccessible } from "./servicePorts";

/** Receives elements, each for map/set `set` under its joined key. */
export interface PutElement {
  put(set: string, key: string, element: NftElement): void;
}

/** Node-level facts the per-service rules use. */
export interface ServiceParams {
  /** The local-traffic detector's pod CIDR (`--detect-local-mode ClusterCIDR`). */
  podCIDR?: Cidr;
  /** `nftables.masqueradeAll`: every ClusterIP packet is masqueraded, local or not. */
  masqueradeAll?: boolean;
  /** The node's primary IP (LoadBalancerSourceRanges may allow it). */
  nodeIP?: string;
  /** The names' hasher of the table these rules go into. */
  names: NftNames;
}

function element(put: PutElement, set: string, key: string[], verdict: Verdict, comment?: string): void {
  const e: NftElement = { key, verdict };
  if (comment !== undefined) e.comment = comment;
  put.put(set, joinKey(key), e);
}

/** `goto external-BASE`, a fresh verdict per element. */
function toExternal(names: PortChainNames): Verdict {
  return { k: "goto", chain: names.external };
}

/** Writes one ServicePort's elements of the shared sets and maps, in kube-proxy's order. */
export function writeElements(put: PutElement, svc: PortSpec, c: CategoryCounts): void {
  const proto = svc.protocol;
  const port = String(svc.port);
  const names = svc.chainNames;
  const hasAny = c.hasAnyEndpoints;
  const internalTrafficChain = svc.internalPolicyLocal ? names.local : names.service;
  const hasInternalEndpoints = hasAny && !(svc.internalPolicyLocal && c.localCount === 0);
  const hasExternalEndpoints = hasAny && !(svc.externalPolicyLocal && c.localCount === 0);
  const internalFilter: Verdict = hasAny ? { k: "drop" } : { k: "goto", chain: N.REJECT_CHAIN };
  const externalFilter: Verdict = internalFilter;

  put.put(N.CLUSTER_IPS, svc.clusterIP, { key: [svc.clusterIP] });
  if (hasInternalEndpoints)
    element(put, N.SERVICE_IPS, [svc.clusterIP, proto, port], { k: "goto", chain: internalTrafficChain });
  else element(put, N.NO_ENDPOINT_SERVICES, [svc.clusterIP, proto, port], internalFilter, svc.nameString);

  for (const ip of svc.externalIPs) {
    if (hasAny) element(put, N.SERVICE_IPS, [ip, proto, port], toExternal(names));
    if (!hasExternalEndpoints)
      element(put, N.NO_ENDPOINT_SERVICES, [ip, proto, port], externalFilter, svc.nameString);
  }
  const usesFWChain = svc.loadBalancerVIPs.length > 0 && svc.sourceRanges.length > 0;
  for (const ip of svc.loadBalancerVIPs) {
    if (hasAny) element(put, N.SERVICE_IPS, [ip, proto, port], toExternal(names));
    if (usesFWChain) element(put, N.FIREWALL_IPS, [ip, proto, port], { k: "goto", chain: names.firewall });
  }
  if (!hasExternalEndpoints)
    for (const ip of svc.loadBalancerVIPs)
      element(put, N.NO_ENDPOINT_SERVICES, [ip, proto, port], externalFilter, svc.nameString);
  if (svc.nodePort !== 0) {
    const key = [proto, String(svc.nodePort)];
    if (hasAny) element(put, N.SERVICE_NODEPORTS, key, toExternal(names));
    if (!hasExternalEndpoints) element(put, N.NO_ENDPOINT_NODEPORTS, key, externalFilter, svc.nameString);
  }
}

/** What one ServicePort adds besides elements. */
export interface PortShape {
  chains: number;
  rules: number;
  affinitySets: number;
}

/**
 * The chains, rules and affinity sets `writeServicePort` creates for this
 * port, counted rather than written (perService.ts has the rules these
 * terms stand for; a test holds the two together).
 */
export function shapeOf(svc: PortSpec, c: CategoryCounts, p: ServiceParams): PortShape {
  const aff = svc.stickyMaxAgeSeconds > 0 ? 1 : 0;
  const hasAny = c.hasAnyEndpoints;
  const cluster = c.clusterCount > 0 && usesClusterEndpoints(svc);
  const local = c.localCount > 0 && usesLocalEndpoints(svc);
  const external = hasAny && externallyAccessible(svc);
  const firewall = svc.loadBalancerVIPs.length > 0 && svc.sourceRanges.length > 0;
  const hasInternalEndpoints = hasAny && !(svc.internalPolicyLocal && c.localCount === 0);
  const hasExternalEndpoints = hasAny && !(svc.externalPolicyLocal && c.localCount === 0);
  const pod = p.podCIDR ? 1 : 0;
  let rules = c.reachableCount * (2 + aff);
  if (hasInternalEndpoints) rules += p.masqueradeAll ? 1 : pod;
  if (external) rules += (svc.externalPolicyLocal ? pod + 2 : 1) + (hasExternalEndpoints ? 1 : 0);
  if (firewall) rules += 1;
  if (cluster) rules += aff * c.clusterCount + 1;
  if (local) rules += aff * c.localCount + 1;
  return {
    chains: c.reachableCount + (cluster ? 1 : 0) + (local ? 1 : 0) + (external ? 1 : 0) + (firewall ? 1 : 0),
    rules,
    affinitySets: aff * c.reachableCount,
  };
}
