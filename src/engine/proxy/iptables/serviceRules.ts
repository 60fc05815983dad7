/**
 * The rules kube-proxy writes for one service port (`syncProxyRules` in
 * `pkg/proxy/iptables/proxier.go`): the dispatch rules in KUBE-SERVICES /
 * KUBE-NODEPORTS, filter-table REJECT/DROP rules, and the port's own
 * KUBE-SVC / KUBE-SVL / KUBE-EXT / KUBE-FW / KUBE-SEP chains.
 */

import type { EndpointInfo } from "../endpoints";
import {
  externallyAccessible,
  type ServicePort,
  usesClusterEndpoints,
  usesLocalEndpoints,
} from "../servicePort";
import type { CategorizedEndpoints } from "../topology";
import type { ChainNamer } from "./chainNames";
import type { IptablesProxyOptions } from "./options";
import { type RestoreBuffer, type RestoreTable, writeRule } from "./restoreBuffer";
import { writeOwnChains } from "./serviceChains";

/** What every service port's rules depend on besides the port itself. */
export interface SyncEnv {
  options: IptablesProxyOptions;
  /** This node's IPv4 addresses (from its Node object). */
  nodeIPs: string[];
  /** Large cluster mode: no per-endpoint comments. */
  largeCluster: boolean;
  /** This sync's chain namer. */
  names: ChainNamer;
  /** `probability` by n, this sync's (every service with n endpoints writes the same ones). */
  probabilities: string[];
  /** The counting buffer each service port's part is written into (`newPortRules`), reused port after port. */
  counting: RestoreBuffer;
}

/** Go `%0.10f` of 1/n, remembered in `memo`. */
export function probability(n: number, memo: string[]): string {
  let p = memo[n];
  if (p === undefined) {
    p = (1 / n).toFixed(10);
    memo[n] = p;
  }
  return p;
}

/** A comment argument as kube-proxy writes it, quotes included. */
export const q = (s: string) => `"${s}"`;

/** kube-proxy's per-address rule: a comment, the destination IP:port, a jump. */
function toAddress(
  buf: RestoreBuffer,
  table: RestoreTable,
  proto: string,
  port: string,
  chain: string,
  comment: string,
  ip: string,
  target: string,
): void {
  writeRule(buf, table, chain, [
    "-m",
    "comment",
    "--comment",
    comment,
    "-m",
    proto,
    "-p",
    proto,
    "-d",
    ip,
    "--dport",
    port,
    "-j",
    target,
  ]);
}

/** Writes everything for one service port. */
export function writeServicePort(
  buf: RestoreBuffer,
  sp: ServicePort,
  eps: CategorizedEndpoints<EndpointInfo>,
  env: SyncEnv,
): void {
  const o = env.options;
  const spn = sp.nameString;
  const proto = sp.protocol;
  const port = String(sp.port);
  const chains = env.names.servicePortChains(spn, proto);
  const usesClusterChain = eps.cluster.length > 0 && usesClusterEndpoints(sp);
  const usesLocalChain = eps.local.length > 0 && usesLocalEndpoints(sp);
  let internalChain = chains.svc;
  let hasInternal = eps.hasAny;
  if (sp.internalPolicyLocal) {
    internalChain = chains.svl;
    if (eps.local.length === 0) hasInternal = false;
  }
  let externalPolicyChain = chains.svc;
  let hasExternal = eps.hasAny;
  if (sp.externalPolicyLocal) {
    externalPolicyChain = chains.svl;
    if (eps.local.length === 0) hasExternal = false;
  }
  const usesExtChain = eps.hasAny && externallyAccessible(sp);
  const usesFwChain = eps.hasAny && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFwChain ? chains.fw : chains.ext;

  let internalFilter = "";
  let internalComment = "";
  let externalFilter = "";
  let externalComment = "";
  if (!eps.hasAny) {
    internalFilter = externalFilter = "REJECT";
    internalComment = externalComment = q(`${spn} has no endpoints`);
  } else {
    if (!hasInternal) {
      internalFilter = "DROP";
      internalComment = q(`${spn} has no local endpoints`);
    }
    if (!hasExternal) {
      externalFilter = "DROP";
      externalComment = q(`${spn} has no local endpoints`);
    }
  }

  // ClusterIP.
  if (hasInternal) {
    toAddress(buf, "nat", proto, port, "KUBE-SERVICES", q(`${spn} cluster IP`), sp.clusterIP, internalChain);
  } else {
    toAddress(buf, "filter", proto, port, "KUBE-SERVICES", internalComment, sp.clusterIP, internalFilter);
  }
  // externalIPs.
  for (const ip of sp.externalIPs) {
    if (eps.hasAny) {
      toAddress(buf, "nat", proto, port, "KUBE-SERVICES", q(`${spn} external IP`), ip, chains.ext);
    }
    if (!hasExternal) {
      toAddress(buf, "filter", proto, port, "KUBE-EXTERNAL-SERVICES", externalComment, ip, externalFilter);
    }
  }
  // LoadBalancer ingress.
  for (const ip of sp.loadBalancerVIPs) {
    if (eps.hasAny) {
      toAddress(buf, "nat", proto, port, "KUBE-SERVICES", q(`${spn} loadbalancer IP`), ip, lbChain);
    }
    if (usesFwChain) {
      toAddress(
        buf,
        "filter",
        proto,
        port,
        "KUBE-PROXY-FIREWALL",
        q(`${spn} traffic not accepted by ${chains.fw}`),
        ip,
        "DROP",
      );
    }
  }
  if (!hasExternal) {
    for (const ip of sp.loadBalancerVIPs) {
      toAddress(buf, "filter", proto, port, "KUBE-EXTERNAL-SERVICES", externalComment, ip, externalFilter);
    }
  }
  // NodePort.
  if (sp.nodePort !== 0) {
    const np = String(sp.nodePort);
    if (eps.hasAny) {
      if (o.localhostNodePorts && o.nfacct) {
        writeRule(buf, "nat", "KUBE-NODEPORTS", [
          "-m",
          "comment",
          "--comment",
          spn,
          "-m",
          proto,
          "-p",
          proto,
          "-d",
          "127.0.0.0/8",
          "--dport",
          np,
          "-m",
          "nfacct",
          "--nfacct-name",
          "localhost_nps_accepted_pkts",
          "-j",
          chains.ext,
        ]);
      }
      writeRule(buf, "nat", "KUBE-NODEPORTS", [
        "-m",
        "comment",
        "--comment",
        spn,
        "-m",
        proto,
        "-p",
        proto,
        "--dport",
        np,
        "-j",
        chains.ext,
      ]);
    }
    if (!hasExternal) {
      writeRule(buf, "filter", "KUBE-EXTERNAL-SERVICES", [
        "-m",
        "comment",
        "--comment",
        externalComment,
        "-m",
        "addrtype",
        "--dst-type",
        "LOCAL",
        "-m",
        proto,
        "-p",
        proto,
        "--dport",
        np,
        "-j",
        externalFilter,
      ]);
    }
  }
  if (sp.healthCheckNodePort !== 0) {
    writeRule(buf, "filter", "KUBE-NODEPORTS", [
      "-m",
      "comment",
      "--comment",
      q(`${spn} health check node port`),
      "-m",
      "tcp",
      "-p",
      "tcp",
      "--dport",
      String(sp.healthCheckNodePort),
      "-j",
      "ACCEPT",
    ]);
  }

  writeOwnChains(buf, sp, eps, env, {
    chains,
    internalChain,
    hasInternal,
    externalPolicyChain,
    hasExternal,
    usesExtChain,
    usesFwChain,
    usesClusterChain,
    usesLocalChain,
  });
}
