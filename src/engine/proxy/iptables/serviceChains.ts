/**
 * A service port's own chains (`KUBE-SVC`, `KUBE-SVL`, `KUBE-EXT`, `KUBE-FW`,
 * `KUBE-SEP`): the ones a partial sync may leave untouched.
 */

import { cidrTextContains } from "../../api/ipv4";
import type { EndpointInfo } from "../endpoints";
import type { ServicePort } from "../servicePort";
import type { CategorizedEndpoints } from "../topology";
import type { ServicePortChains } from "./chainNames";
import { counting, countRules, declareChain, type RestoreBuffer, writeRule } from "./restoreBuffer";
import { probability, q, type SyncEnv } from "./serviceRules";

const KUBE_MARK_MASQ = "KUBE-MARK-MASQ";

export interface Plan {
  chains: ServicePortChains;
  internalChain: string;
  hasInternal: boolean;
  externalPolicyChain: string;
  hasExternal: boolean;
  usesExtChain: boolean;
  usesFwChain: boolean;
  usesClusterChain: boolean;
  usesLocalChain: boolean;
}

/** A rule in one of the port's own (nat) chains. */
function own(buf: RestoreBuffer, spn: string, chain: string, args: string[]): void {
  writeRule(buf, "nat", chain, args, spn);
}

/** The port's own chains: the ones a partial sync may leave untouched. */
export function writeOwnChains(
  buf: RestoreBuffer,
  sp: ServicePort,
  eps: CategorizedEndpoints<EndpointInfo>,
  env: SyncEnv,
  p: Plan,
): void {
  const o = env.options;
  const spn = sp.nameString;
  const proto = sp.protocol;
  // KUBE-SEP names, by position in allReachable (cluster and local are subsets of it).
  const all = eps.allReachable;
  const seps = env.names.endpointChains(spn, proto, all);
  if (p.hasInternal && counting(buf)) {
    // One masquerade rule, as below.
    if (o.masqueradeAll || o.clusterCIDR) countRules(buf, "nat", p.internalChain, 1);
  } else if (p.hasInternal) {
    const args = [
      "-m",
      "comment",
      "--comment",
      q(`${spn} cluster IP`),
      "-m",
      proto,
      "-p",
      proto,
      "-d",
      sp.clusterIP,
      "--dport",
      String(sp.port),
    ];
    if (o.masqueradeAll) own(buf, spn, p.internalChain, [...args, "-j", KUBE_MARK_MASQ]);
    else if (o.clusterCIDR)
      own(buf, spn, p.internalChain, [...args, "!", "-s", o.clusterCIDR, "-j", KUBE_MARK_MASQ]);
  }
  if (p.usesExtChain && counting(buf)) {
    declareChain(buf, "nat", p.chains.ext);
    // As below: masquerade, or (pod short-circuit,) masquerade LOCAL and route LOCAL; then the policy jump.
    const policy = sp.externalPolicyLocal ? (o.clusterCIDR ? 3 : 2) : 1;
    countRules(buf, "nat", p.chains.ext, policy + (p.hasExternal ? 1 : 0));
  } else if (p.usesExtChain) {
    const ext = p.chains.ext;
    declareChain(buf, "nat", ext);
    if (!sp.externalPolicyLocal) {
      own(buf, spn, ext, [
        "-m",
        "comment",
        "--comment",
        q(`masquerade traffic for ${spn} external destinations`),
        "-j",
        KUBE_MARK_MASQ,
      ]);
    } else {
      if (o.clusterCIDR) {
        own(buf, spn, ext, [
          "-m",
          "comment",
          "--comment",
          q(`pod traffic for ${spn} external destinations`),
          "-s",
          o.clusterCIDR,
          "-j",
          p.chains.svc,
        ]);
      }
      own(buf, spn, ext, [
        "-m",
        "comment",
        "--comment",
        q(`masquerade LOCAL traffic for ${spn} external destinations`),
        "-m",
        "addrtype",
        "--src-type",
        "LOCAL",
        "-j",
        KUBE_MARK_MASQ,
      ]);
      own(buf, spn, ext, [
        "-m",
        "comment",
        "--comment",
        q(`route LOCAL traffic for ${spn} external destinations`),
        "-m",
        "addrtype",
        "--src-type",
        "LOCAL",
        "-j",
        p.chains.svc,
      ]);
    }
    if (p.hasExternal) own(buf, spn, ext, ["-j", p.externalPolicyChain]);
  }
  if (p.usesFwChain) {
    const fw = p.chains.fw;
    declareChain(buf, "nat", fw);
    const head = ["-m", "comment", "--comment", q(`${spn} loadbalancer IP`)];
    let allowFromNode = false;
    for (const cidr of sp.loadBalancerSourceRanges) {
      own(buf, spn, fw, [...head, "-s", cidr, "-j", p.chains.ext]);
      if (env.nodeIPs[0] !== undefined && cidrTextContains(cidr, env.nodeIPs[0])) allowFromNode = true;
    }
    if (allowFromNode)
      for (const ip of sp.loadBalancerVIPs) own(buf, spn, fw, [...head, "-s", ip, "-j", p.chains.ext]);
    own(buf, spn, fw, [
      "-m",
      "comment",
      "--comment",
      q(`other traffic to ${spn} will be dropped by KUBE-PROXY-FIREWALL`),
    ]);
  }
  if (p.usesClusterChain) {
    declareChain(buf, "nat", p.chains.svc);
    writeEndpointJumps(buf, sp, p.chains.svc, eps.cluster, env, sepsOf(eps.cluster, all, seps));
  }
  if (p.usesLocalChain) {
    declareChain(buf, "nat", p.chains.svl);
    writeEndpointJumps(buf, sp, p.chains.svl, eps.local, env, sepsOf(eps.local, all, seps));
  }
  for (let i = 0; i < all.length; i++) {
    const ep = all[i]!;
    const sep = seps[i]!;
    declareChain(buf, "nat", sep);
    // Two rules, as below.
    if (counting(buf)) {
      countRules(buf, "nat", sep, 2);
      continue;
    }
    const args = env.largeCluster ? [] : ["-m", "comment", "--comment", spn];
    own(buf, spn, sep, [...args, "-s", ep.ip, "-j", KUBE_MARK_MASQ]);
    const affinity = sp.stickyMaxAgeSeconds > 0 ? ["-m", "recent", "--name", sep, "--set"] : [];
    own(buf, spn, sep, [
      ...args,
      ...affinity,
      "-m",
      proto,
      "-p",
      proto,
      "-j",
      "DNAT",
      "--to-destination",
      ep.str,
    ]);
  }
}

/** The KUBE-SEP names of `eps`, a subset of `all` whose names are `allSeps`. */
function sepsOf(eps: EndpointInfo[], all: EndpointInfo[], allSeps: string[]): string[] {
  return eps === all ? allSeps : eps.map((ep) => allSeps[all.indexOf(ep)]!);
}

/** `writeServiceToEndpointRules`: affinity `--rcheck` rules, then 1/n, 1/(n-1), … jumps. */
function writeEndpointJumps(
  buf: RestoreBuffer,
  sp: ServicePort,
  chain: string,
  eps: EndpointInfo[],
  env: SyncEnv,
  seps: string[],
): void {
  const sticky = sp.stickyMaxAgeSeconds > 0;
  // One jump per endpoint, and one affinity check each when sticky, as below.
  if (counting(buf)) {
    countRules(buf, "nat", chain, sticky ? 2 * eps.length : eps.length);
    return;
  }
  const spn = sp.nameString;
  if (sticky) {
    for (let i = 0; i < eps.length; i++) {
      const sep = seps[i]!;
      writeRule(
        buf,
        "nat",
        chain,
        [
          ...endpointComment(env, spn, eps[i]!),
          "-m",
          "recent",
          "--name",
          sep,
          "--rcheck",
          "--seconds",
          String(sp.stickyMaxAgeSeconds),
          "--reap",
          "-j",
          sep,
        ],
        spn,
      );
    }
  }
  const n = eps.length;
  for (let i = 0; i < n; i++) {
    const stat =
      i < n - 1
        ? ["-m", "statistic", "--mode", "random", "--probability", probability(n - i, env.probabilities)]
        : [];
    writeRule(buf, "nat", chain, [...endpointComment(env, spn, eps[i]!), ...stat, "-j", seps[i]!], spn);
  }
}

/** An endpoint's jump carries `SVC -> IP:PORT` as its comment, except in a large cluster. */
function endpointComment(env: SyncEnv, spn: string, ep: EndpointInfo): string[] {
  return env.largeCluster ? [] : ["-m", "comment", "--comment", q(`${spn} -> ${ep.str}`)];
}
