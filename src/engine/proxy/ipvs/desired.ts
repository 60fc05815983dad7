/**
 * What kube-proxy's syncProxyRules wants on one node in IPVS mode, computed
 * from Services, EndpointSlices and Nodes (pkg/proxy/ipvs/proxier.go).
 */
import type { IpvsScheduler } from "../../api/configTypes";
import { isIPv4 } from "../../api/ipv4";
import type { EndpointSlice, Node, Service } from "../../api/types";
import type { Protocol } from "../../net/types";
import type { ProxyInput } from "../types";
import {
  clusterEndpoints,
  type EndpointInfo,
  endpointsForPort,
  indexSlices,
  localEndpoints,
} from "./endpoints";
import { emptyIpsets, ipPortEntry, rememberMembers } from "./ipsets";
import { type IpsetSet, type VirtualServerKind, vsKey } from "./model";

export interface DesiredDest {
  /** `ip:port`. */
  key: string;
  ip: string;
  port: number;
  local: boolean;
}

export interface DesiredVS {
  key: string;
  proto: Protocol;
  ip: string;
  port: number;
  scheduler: IpvsScheduler;
  schedFlags: string[];
  persistentTimeout?: number;
  kind: VirtualServerKind;
  servicePortName: string;
  /** In the order kube-proxy adds them. */
  dests: readonly DesiredDest[];
}

export interface DesiredState {
  virtualServers: Map<string, DesiredVS>;
  ipvsAddresses: string[];
  ipsets: Map<string, IpsetSet>;
  nodeIPs: string[];
}

const DEFAULT_AFFINITY_TIMEOUT = 10800;

/**
 * The node's addresses kube-proxy makes NodePort virtual servers on.
 * NOTE: real kube-proxy uses every local address except loopback, link-local
 * and those on kube-ipvs0 (so cni0/docker0 addresses get NodePort VSs too);
 * the simulation knows only the Node's InternalIP/ExternalIP addresses.
 */
export function nodeAddresses(node: Node | undefined): string[] {
  const out: string[] = [];
  for (const a of node?.status?.addresses ?? []) {
    if (
      (a.type === "InternalIP" || a.type === "ExternalIP") &&
      isIPv4(a.address) &&
      !out.includes(a.address)
    ) {
      out.push(a.address);
    }
  }
  return out;
}

/** The sets, virtual servers and kube-ipvs0 addresses being collected for one node. */
class Collector {
  readonly virtualServers = new Map<string, DesiredVS>();
  readonly members = new Map<string, Set<string>>();
  readonly bound = new Set<string>();

  constructor(
    readonly scheduler: IpvsScheduler,
    readonly schedFlags: string[],
  ) {
    for (const name of emptyIpsets().keys()) this.members.set(name, new Set());
  }

  add(set: string, entry: string): void {
    this.members.get(set)?.add(entry);
  }

  bind(ip: string): void {
    this.bound.add(ip);
  }

  vs(
    proto: Protocol,
    ip: string,
    port: number,
    kind: VirtualServerKind,
    dests: readonly DesiredDest[],
    svc: { spn: string; persistentTimeout?: number },
  ): void {
    const key = vsKey(proto, ip, port);
    this.virtualServers.set(key, {
      key,
      proto,
      ip,
      port,
      scheduler: this.scheduler,
      schedFlags: this.schedFlags,
      persistentTimeout: svc.persistentTimeout,
      kind,
      servicePortName: svc.spn,
      dests,
    });
  }

  /** The collected sets in kube-proxy's order, members deduplicated (bitmap:port sorted). */
  ipsets(): Map<string, IpsetSet> {
    for (const ip of this.bound) this.add("KUBE-IPVS-IPS", ip);
    const out = emptyIpsets();
    for (const s of out.values()) {
      const set = this.members.get(s.name) ?? new Set<string>();
      s.members = [...set];
      if (s.type === "bitmap:port") s.members.sort((a, b) => Number(a) - Number(b));
      else rememberMembers(s, set);
    }
    return out;
  }
}

/**
 * IPVS mode falls back to cluster endpoints when a Local policy finds no
 * local ones (kubernetes PR #97081); iptables/nftables mode drops instead.
 */
function policyDests(eps: readonly EndpointInfo[], onlyLocal: boolean): readonly DesiredDest[] {
  if (onlyLocal) {
    const local = localEndpoints(eps);
    if (local.length > 0) return local;
  }
  return clusterEndpoints(eps);
}

/** Computes the desired IPVS state for `node`. */
export function desiredState(input: ProxyInput, node: string): DesiredState {
  const slicesBySvc = indexSlices(input.endpointSlices);
  const nodeIPs = nodeAddresses(input.nodes.find((n) => n.metadata.name === node));
  const scheduler = input.config.ipvsScheduler || "rr";
  const c = new Collector(scheduler, scheduler === "mh" ? ["mh-port"] : []);
  for (const svc of input.services) servicePorts(c, svc, slicesBySvc, node, nodeIPs);
  const ipsets = c.ipsets();
  return { virtualServers: c.virtualServers, ipvsAddresses: [...c.bound], ipsets, nodeIPs };
}

function servicePorts(
  c: Collector,
  svc: Service,
  slicesBySvc: Map<string, EndpointSlice[]>,
  node: string,
  nodeIPs: readonly string[],
): void {
  const spec = svc.spec;
  if (!spec || spec.type === "ExternalName") return;
  const clusterIP = spec.clusterIP;
  if (!isIPv4(clusterIP)) return;
  const ns = svc.metadata.namespace ?? "default";
  const slices = slicesBySvc.get(`${ns}/${svc.metadata.name}`) ?? [];
  const persistentTimeout = affinityTimeout(svc);
  const eTPLocal =
    spec.externalTrafficPolicy === "Local" && (spec.type === "NodePort" || spec.type === "LoadBalancer");
  const iTPLocal = spec.internalTrafficPolicy === "Local";
  for (const sp of spec.ports ?? []) {
    const proto = (sp.protocol ?? "TCP") as Protocol;
    const portName = sp.name ?? "";
    const info = { spn: `${ns}/${svc.metadata.name}${portName ? `:${portName}` : ""}`, persistentTimeout };
    const eps = endpointsForPort(slices, portName, proto, node);
    const lproto = proto.toLowerCase();
    for (const e of eps) if (e.local) c.add("KUBE-LOOP-BACK", `${e.ip},${lproto}:${e.port},${e.ip}`);
    c.vs(proto, clusterIP, sp.port, "ClusterIP", policyDests(eps, iTPLocal), info);
    c.add("KUBE-CLUSTER-IP", ipPortEntry(clusterIP, proto, sp.port));
    c.bind(clusterIP);
    for (const ext of spec.externalIPs ?? []) {
      if (!isIPv4(ext)) continue;
      c.add(eTPLocal ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP", ipPortEntry(ext, proto, sp.port));
      c.vs(proto, ext, sp.port, "ExternalIP", policyDests(eps, eTPLocal), info);
      c.bind(ext);
    }
    if (spec.type === "LoadBalancer") {
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        if (!isIPv4(ing.ip)) continue;
        const entry = ipPortEntry(ing.ip, proto, sp.port);
        c.add("KUBE-LOAD-BALANCER", entry);
        if (eTPLocal) c.add("KUBE-LOAD-BALANCER-LOCAL", entry);
        if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
          c.add("KUBE-LOAD-BALANCER-FW", entry);
          for (const cidr of spec.loadBalancerSourceRanges ?? [])
            c.add("KUBE-LOAD-BALANCER-SOURCE-CIDR", `${entry},${cidr}`);
        }
        c.vs(proto, ing.ip, sp.port, "LoadBalancer", policyDests(eps, eTPLocal), info);
        c.bind(ing.ip);
      }
    }
    if ((spec.type === "NodePort" || spec.type === "LoadBalancer") && sp.nodePort) {
      addNodePortEntries(c, proto, sp.nodePort, nodeIPs, eTPLocal);
      for (const nip of nodeIPs) c.vs(proto, nip, sp.nodePort, "NodePort", policyDests(eps, eTPLocal), info);
    }
  }
  if (eTPLocal && spec.healthCheckNodePort)
    c.add("KUBE-HEALTH-CHECK-NODE-PORT", String(spec.healthCheckNodePort));
}

function addNodePortEntries(
  c: Collector,
  proto: Protocol,
  nodePort: number,
  nodeIPs: readonly string[],
  local: boolean,
): void {
  if (proto === "SCTP") {
    for (const ip of nodeIPs) {
      c.add("KUBE-NODE-PORT-SCTP-HASH", ipPortEntry(ip, proto, nodePort));
      if (local) c.add("KUBE-NODE-PORT-LOCAL-SCTP-HASH", ipPortEntry(ip, proto, nodePort));
    }
    return;
  }
  c.add(`KUBE-NODE-PORT-${proto}`, String(nodePort));
  if (local) c.add(`KUBE-NODE-PORT-LOCAL-${proto}`, String(nodePort));
}

function affinityTimeout(svc: Service): number | undefined {
  if (svc.spec?.sessionAffinity !== "ClientIP") return undefined;
  return svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT;
}
