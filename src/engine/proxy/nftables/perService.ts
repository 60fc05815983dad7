/**
 * The per-ServicePort part of kube-proxy's `syncProxyRules`: map elements,
 * the service/local/external/firewall chains, endpoint chains and affinity
 * sets, in the order kube-proxy adds them to its transaction. A port's
 * service chains and each endpoint chain can also be written on their own.
 */

import { cidrContains, cidrOf, ipToNumber } from "../../api/ipv4";
import { trimmed } from "../../util/trimmed";
import { type Categorized, categorize, usesClusterEndpoints, usesLocalEndpoints } from "./categorize";
import type { Cond, NftChain, NftRule, NftSet, NftTable } from "./model";
import * as N from "./names";
import { goto, host, jump, rule } from "./rules";
import { type PutElement, type ServiceParams, writeElements } from "./serviceElements";
import type { NftEndpointInfo, PortSpec, ServicePortInfo } from "./servicePorts";
import { externallyAccessible } from "./servicePorts";

export type { ServiceParams } from "./serviceElements";

/** Puts elements into the table's own sets and maps. */
export function tableElements(t: NftTable): PutElement {
  return {
    put(set, key, e) {
      t.sets.get(set)?.elements.set(key, e);
    },
  };
}

/** Which chains a ServicePort has and where its traffic goes: the decisions `syncProxyRules` makes. */
interface PortPlan {
  svc: ServicePortInfo;
  cat: Categorized;
  clusterPolicyChain: string;
  localPolicyChain: string;
  externalTrafficChain: string;
  fwChain: string;
  internalTrafficChain: string;
  externalPolicyChain: string;
  usesClusterPolicyChain: boolean;
  usesLocalPolicyChain: boolean;
  usesExternalTrafficChain: boolean;
  usesFWChain: boolean;
  hasInternalEndpoints: boolean;
  hasExternalEndpoints: boolean;
  /** Its chains in creation order. */
  chains: string[];
  /** The endpoint chains (`cat.allReachable`'s), one array shared with what names them all. */
  reachableChains: string[];
}

const chainOf = (ep: NftEndpointInfo): string => ep.chain;

function planPort(svc: ServicePortInfo, p: ServiceParams): PortPlan {
  const cat = categorize(svc);
  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = cat;
  const {
    service: clusterPolicyChain,
    local: localPolicyChain,
    external: externalTrafficChain,
    firewall: fwChain,
  } = svc.chainNames;
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(svc);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(svc);
  const usesExternalTrafficChain = hasAnyEndpoints && externallyAccessible(svc);
  const usesFWChain = svc.loadBalancerVIPs.length > 0 && svc.sourceRanges.length > 0;
  const internalTrafficChain = svc.internalPolicyLocal ? localPolicyChain : clusterPolicyChain;
  const hasInternalEndpoints = hasAnyEndpoints && !(svc.internalPolicyLocal && localEndpoints.length === 0);
  const reachableChains = allReachable.map(chainOf);
  const chains = reachableChains.slice();
  if (usesClusterPolicyChain) chains.push(clusterPolicyChain);
  if (usesLocalPolicyChain) chains.push(localPolicyChain);
  if (usesExternalTrafficChain) chains.push(externalTrafficChain);
  if (usesFWChain) chains.push(fwChain);
  // The masquerade rule creates its chain if nothing else did.
  if (hasInternalEndpoints && (p.podCIDR || p.masqueradeAll) && !chains.includes(internalTrafficChain))
    chains.push(internalTrafficChain);
  return {
    svc,
    cat,
    clusterPolicyChain,
    localPolicyChain,
    externalTrafficChain,
    fwChain,
    internalTrafficChain,
    externalPolicyChain: svc.externalPolicyLocal ? localPolicyChain : clusterPolicyChain,
    usesClusterPolicyChain,
    usesLocalPolicyChain,
    usesExternalTrafficChain,
    usesFWChain,
    hasInternalEndpoints,
    hasExternalEndpoints: hasAnyEndpoints && !(svc.externalPolicyLocal && localEndpoints.length === 0),
    chains,
    reachableChains,
  };
}

function endpointRules(plan: PortPlan, eps: NftEndpointInfo[], rules: NftRule[]): void {
  const svc = plan.svc;
  if (svc.stickyMaxAgeSeconds > 0)
    for (const ep of eps)
      rules.push(
        rule({
          conds: [{ k: "inSet", field: "saddr", set: affinitySetOf(ep.chain) }],
          action: goto(ep.chain),
        }),
      );
  const targets = eps === plan.cat.allReachable ? plan.reachableChains : eps.map(chainOf);
  rules.push(rule({ action: { k: "numgen", targets } }));
}

const JUMP_MASQ = jump(N.MARK_FOR_MASQUERADE);
/** Where an endpoint chain's name has its base (the affinity set's name shares it). */
const ENDPOINT_PREFIX = N.endpointChain("").length;
const JUMP_MASQ_TEXT = `jump ${N.MARK_FOR_MASQUERADE}`;

/** An endpoint's affinity set, named from its chain's base. */
function affinitySetOf(endpointChain: string): string {
  return N.affinitySet(endpointChain.slice(ENDPOINT_PREFIX));
}
/** `meta l4proto P`, one shared condition list per protocol. */
const L4PROTO: Readonly<Record<string, Cond[]>> = Object.freeze({
  tcp: [{ k: "l4proto", proto: "tcp" }],
  udp: [{ k: "l4proto", proto: "udp" }],
  sctp: [{ k: "l4proto", proto: "sctp" }],
});

/** What an endpoint chain is written from. */
export type EndpointChainInfo = Pick<NftEndpointInfo, "ip" | "port" | "chain">;

/** An endpoint chain's rules: masquerade hairpin traffic, remember the client (affinity), DNAT. */
function endpointChainRules(svc: PortSpec, ep: EndpointChainInfo): NftRule[] {
  const proto = svc.protocol;
  const rules: NftRule[] = [
    {
      conds: [host("saddr", ep.ip, ipToNumber(ep.ip)!)],
      stmts: [],
      action: JUMP_MASQ,
      text: `ip saddr ${ep.ip} ${JUMP_MASQ_TEXT}`,
      actionText: JUMP_MASQ_TEXT,
    },
  ];
  if (svc.stickyMaxAgeSeconds > 0)
    rules.push(rule({ stmts: [{ k: "update", set: affinitySetOf(ep.chain) }] }));
  rules.push({
    conds: L4PROTO[proto] ?? [{ k: "l4proto", proto }],
    stmts: [{ k: "dnat", ip: ep.ip, port: ep.port }],
    text: `meta l4proto ${proto} dnat to ${ep.ip}:${ep.port}`,
  });
  return rules;
}

/** The rules of the plan's chain `name` (an endpoint chain when `ep` is given). */
function chainRules(plan: PortPlan, p: ServiceParams, name: string, ep?: NftEndpointInfo): NftRule[] {
  if (ep) return endpointChainRules(plan.svc, ep);
  const svc = plan.svc;
  const rules: NftRule[] = [];
  if (name === plan.internalTrafficChain && plan.hasInternalEndpoints && (p.podCIDR || p.masqueradeAll)) {
    const daddr = host("daddr", svc.clusterIP, ipToNumber(svc.clusterIP)!);
    rules.push(
      rule({
        conds:
          p.masqueradeAll || !p.podCIDR
            ? [daddr]
            : [daddr, { k: "addr", field: "saddr", neg: true, cidrs: [p.podCIDR] }],
        action: JUMP_MASQ,
      }),
    );
  }
  if (name === plan.externalTrafficChain && plan.usesExternalTrafficChain) {
    if (!svc.externalPolicyLocal) rules.push(rule({ action: JUMP_MASQ }));
    else {
      if (p.podCIDR)
        rules.push(
          rule({
            conds: [{ k: "addr", field: "saddr", neg: false, cidrs: [p.podCIDR] }],
            action: goto(plan.clusterPolicyChain),
            comment: "short-circuit pod traffic",
          }),
        );
      rules.push(
        rule({ conds: [{ k: "fibSaddrLocal" }], action: JUMP_MASQ, comment: "masquerade local traffic" }),
        rule({
          conds: [{ k: "fibSaddrLocal" }],
          action: goto(plan.clusterPolicyChain),
          comment: "short-circuit local traffic",
        }),
      );
    }
    if (plan.hasExternalEndpoints) rules.push(rule({ action: goto(plan.externalPolicyChain) }));
  }
  if (name === plan.fwChain && plan.usesFWChain) {
    const sources = [...svc.sourceRanges];
    const node = p.nodeIP === undefined ? undefined : ipToNumber(p.nodeIP);
    if (node !== undefined && sources.some((c) => cidrContains(c, node)))
      for (const ip of svc.loadBalancerVIPs) sources.push(cidrOf(ipToNumber(ip)!, 32));
    rules.push(
      rule({ conds: [{ k: "addr", field: "saddr", neg: true, cidrs: sources }], action: { k: "drop" } }),
    );
  }
  if (name === plan.clusterPolicyChain && plan.usesClusterPolicyChain)
    endpointRules(plan, plan.cat.clusterEndpoints, rules);
  if (name === plan.localPolicyChain && plan.usesLocalPolicyChain)
    endpointRules(plan, plan.cat.localEndpoints, rules);
  return rules;
}

function affinitySet(name: string, timeoutSeconds: number): NftSet {
  return { kind: "set", name, keyKind: "addr", timeoutSeconds, elements: new Map() };
}

/** Writes one ServicePort's elements (through `put`) and chains and affinity sets into `t`. */
export function writeServicePort(
  t: NftTable,
  svc: ServicePortInfo,
  p: ServiceParams,
  put: PutElement = tableElements(t),
): void {
  const plan = planPort(svc, p);
  const chains = plan.chains.map((name) => {
    let c = t.chains.get(name);
    if (!c) {
      c = { name, rules: [] };
      t.chains.set(name, c);
    }
    return c;
  });
  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = plan.cat;
  writeElements(put, svc, {
    clusterCount: clusterEndpoints.length,
    localCount: localEndpoints.length,
    reachableCount: allReachable.length,
    hasAnyEndpoints,
  });
  if (svc.stickyMaxAgeSeconds > 0)
    for (const ep of allReachable) {
      const name = affinitySetOf(ep.chain);
      t.sets.set(name, affinitySet(name, svc.stickyMaxAgeSeconds));
    }
  chains.forEach((c, i) => {
    c.rules.push(...chainRules(plan, p, c.name, allReachable[i]));
  });
}

/**
 * A ServicePort's service, local, external and firewall chains, written
 * (the same rules `writeServicePort` writes into them), the endpoints
 * that get an endpoint chain (`endpointChain` writes one), and the port's
 * categorized endpoints.
 */
export function serviceChains(
  svc: ServicePortInfo,
  p: ServiceParams,
): { chains: NftChain[]; reachable: NftEndpointInfo[]; reachableChains: string[]; cat: Categorized } {
  const plan = planPort(svc, p);
  const reachable = plan.cat.allReachable;
  const chains: NftChain[] = [];
  for (let i = reachable.length; i < plan.chains.length; i++) {
    const name = plan.chains[i] as string;
    chains.push({ name, rules: trimmed(chainRules(plan, p, name)) });
  }
  return { chains, reachable, reachableChains: plan.reachableChains, cat: plan.cat };
}

/** One endpoint's chain, as `writeServicePort` writes it. */
export function endpointChain(svc: PortSpec, ep: EndpointChainInfo): NftChain {
  return { name: ep.chain, rules: endpointChainRules(svc, ep) };
}
