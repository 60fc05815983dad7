/**
 * The per-ServicePort part of kube-proxy's `syncProxyRules`: map elements,
 * the service/local/external/firewall chains, endpoint chains and affinity
 * sets, in the order kube-proxy adds them to its transaction.
 */
import { categorize, usesClusterEndpoints, usesLocalEndpoints } from "./categorize";
import { cidrContains, ipToInt } from "./ip";
import type { Cond, NftChain, NftRule, NftTable } from "./model";
import * as N from "./names";
import { goto, host, jump, rule } from "./rules";
import { type PutElement, type ServiceParams, writeElements } from "./serviceElements";
import type { EndpointInfo, ServicePortInfo } from "./servicePorts";
import { externallyAccessible } from "./servicePorts";

export type { ServiceParams } from "./serviceElements";

/** Puts elements into the table's own sets and maps. */
export function tableElements(t: NftTable): PutElement {
  return (set, key, e) => {
    t.sets.get(set)?.elements.set(key, e);
  };
}

function chain(t: NftTable, name: string): NftChain {
  let c = t.chains.get(name);
  if (!c) {
    c = { name, rules: [] };
    t.chains.set(name, c);
  }
  return c;
}

function endpointRules(t: NftTable, svc: ServicePortInfo, chainName: string, eps: EndpointInfo[]): void {
  const rules: NftRule[] = [];
  if (svc.affinitySeconds !== undefined)
    for (const ep of eps)
      rules.push(
        rule({
          conds: [{ k: "inSet", field: "saddr", set: N.affinitySet(ep.chainBase) }],
          action: goto(ep.chain),
        }),
      );
  rules.push(rule({ action: { k: "numgen", targets: eps.map((e) => e.chain) } }));
  chain(t, chainName).rules.push(...rules);
}

const JUMP_MASQ = jump(N.MARK_FOR_MASQUERADE);
const L4PROTO: Record<string, Cond[]> = {};

/** Writes one ServicePort's elements (through `put`) and chains and affinity sets into `t`. */
export function writeServicePort(
  t: NftTable,
  svc: ServicePortInfo,
  p: ServiceParams,
  put: PutElement = tableElements(t),
): void {
  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = categorize(svc);
  const proto = svc.protocol;
  const base = svc.chainBase;
  const clusterPolicyChain = N.serviceChain(base);
  const localPolicyChain = N.localChain(base);
  const externalTrafficChain = N.externalChain(base);
  const fwChain = N.firewallChain(base);

  const epChains = allReachable.map((ep) => chain(t, ep.chain));
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(svc);
  if (usesClusterPolicyChain) chain(t, clusterPolicyChain);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(svc);
  if (usesLocalPolicyChain) chain(t, localPolicyChain);

  const internalTrafficChain = svc.internalPolicyLocal ? localPolicyChain : clusterPolicyChain;
  const hasInternalEndpoints = hasAnyEndpoints && !(svc.internalPolicyLocal && localEndpoints.length === 0);
  const externalPolicyChain = svc.externalPolicyLocal ? localPolicyChain : clusterPolicyChain;
  const hasExternalEndpoints = hasAnyEndpoints && !(svc.externalPolicyLocal && localEndpoints.length === 0);
  const usesExternalTrafficChain = hasAnyEndpoints && externallyAccessible(svc);
  if (usesExternalTrafficChain) chain(t, externalTrafficChain);

  const usesFWChain = svc.loadBalancerIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  if (usesFWChain) chain(t, fwChain);
  writeElements(put, svc, {
    clusterCount: clusterEndpoints.length,
    localCount: localEndpoints.length,
    reachableCount: allReachable.length,
    hasAnyEndpoints,
  });

  if (hasInternalEndpoints && p.podCIDR)
    chain(t, internalTrafficChain).rules.push(
      rule({
        conds: [
          host("daddr", svc.clusterIP, ipToInt(svc.clusterIP)),
          { k: "addr", field: "saddr", neg: true, cidrs: [p.podCIDR] },
        ],
        action: jump(N.MARK_FOR_MASQUERADE),
      }),
    );

  if (usesExternalTrafficChain) {
    const ext = chain(t, externalTrafficChain);
    if (!svc.externalPolicyLocal) ext.rules.push(rule({ action: jump(N.MARK_FOR_MASQUERADE) }));
    else {
      if (p.podCIDR)
        ext.rules.push(
          rule({
            conds: [{ k: "addr", field: "saddr", neg: false, cidrs: [p.podCIDR] }],
            action: goto(clusterPolicyChain),
            comment: "short-circuit pod traffic",
          }),
        );
      ext.rules.push(
        rule({
          conds: [{ k: "fibSaddrLocal" }],
          action: jump(N.MARK_FOR_MASQUERADE),
          comment: "masquerade local traffic",
        }),
        rule({
          conds: [{ k: "fibSaddrLocal" }],
          action: goto(clusterPolicyChain),
          comment: "short-circuit local traffic",
        }),
      );
    }
    if (hasExternalEndpoints) ext.rules.push(rule({ action: goto(externalPolicyChain) }));
  }

  if (usesFWChain) {
    const sources = [...svc.loadBalancerSourceRanges];
    const node = p.nodeIP === undefined ? Number.NaN : ipToInt(p.nodeIP);
    if (sources.some((c) => cidrContains(c, node)))
      for (const ip of svc.loadBalancerIPs) sources.push({ network: ipToInt(ip), bits: 32 });
    chain(t, fwChain).rules.push(
      rule({ conds: [{ k: "addr", field: "saddr", neg: true, cidrs: sources }], action: { k: "drop" } }),
    );
  }

  if (svc.affinitySeconds !== undefined)
    for (const ep of allReachable) {
      const name = N.affinitySet(ep.chainBase);
      t.sets.set(name, {
        kind: "set",
        name,
        keyKind: "addr",
        timeoutSeconds: svc.affinitySeconds,
        elements: new Map(),
      });
    }

  if (usesClusterPolicyChain) endpointRules(t, svc, clusterPolicyChain, clusterEndpoints);
  if (usesLocalPolicyChain) endpointRules(t, svc, localPolicyChain, localEndpoints);

  L4PROTO[proto] ??= [{ k: "l4proto", proto }];
  const protoConds = L4PROTO[proto] ?? [];
  allReachable.forEach((ep, i) => {
    const rules = epChains[i]?.rules ?? [];
    rules.push({
      conds: [host("saddr", ep.ip, ep.ipNumber)],
      stmts: [],
      action: JUMP_MASQ,
      text: `ip saddr ${ep.ip} jump mark-for-masquerade`,
    });
    if (svc.affinitySeconds !== undefined)
      rules.push(rule({ stmts: [{ k: "update", set: N.affinitySet(ep.chainBase) }] }));
    rules.push({
      conds: protoConds,
      stmts: [{ k: "dnat", ip: ep.ip, port: ep.port }],
      text: `meta l4proto ${proto} dnat to ${ep.endpoint}`,
    });
  });
}
