/**
 * What kube-proxy's syncProxyRules wants on one node in IPVS mode, computed
 * from Services, EndpointSlices and Nodes (pkg/proxy/ipvs/proxier.go).
 */
import type { IpvsScheduler } from "../../api/configTypes";
import { isIPv4 } from "../../api/ipv4";
import type { EndpointSlice, Node, Service } from "../../api/types";
import type { Protocol } from "../../net/types";
import { serviceKey } from "../changeTracker";
import { type EndpointInfo, endpointsFor, slicesByService } from "../endpoints";
import { servicePorts as portsOf } from "../servicePort";
import { type CategorizedEndpoints, categorizeEndpoints } from "../topology";
import type { ProxyInput } from "../types";
import { emptyIpsets, ipPortEntry } from "./ipsets";
import { type IpsetSet, type VirtualServerKind, vsKey } from "./model";

/** A real server kube-proxy wants: an endpoint (`str` is its `ip:port` key). */
export type DesiredDest = Pick<EndpointInfo, "str" | "ip" | "port" | "nodeName">;

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
      else s.memberSet = set;
    }
    return out;
  }
}

/**
 * The real servers of a virtual server: the Local endpoints under a Local
 * policy, else the Cluster ones, in slice order.
 * NOTE: kube-proxy adds real servers in Go map order (random); here in the
 * order the EndpointSlices list them, which sets the kernel's list order.
 * IPVS mode falls back to the usable endpoints cluster-wide when a Local
 * policy finds no local ones (kubernetes PR #97081); iptables/nftables
 * mode drops instead.
 */
function policyDests(
  c: CategorizedEndpoints<EndpointInfo>,
  all: readonly EndpointInfo[],
  onlyLocal: boolean,
): readonly DesiredDest[] {
  let eps: readonly EndpointInfo[] = onlyLocal ? c.local : c.cluster;
  if (eps.length === 0 && onlyLocal) eps = categorizeEndpoints(CLUSTER_ONLY, all, () => false).cluster;
  return inSliceOrder(eps);
}

/** The endpoints in the order their slices list them (a copy only when they are not already). */
function inSliceOrder(eps: readonly EndpointInfo[]): readonly EndpointInfo[] {
  for (let i = 1; i < eps.length; i++)
    if (eps[i]!.sliceOrder < eps[i - 1]!.sliceOrder)
      return [...eps].sort((a, b) => a.sliceOrder - b.sliceOrder);
  return eps;
}

/** Policy facts under which every usable endpoint is a Cluster endpoint. */
const CLUSTER_ONLY = {
  nodePort: 0,
  externalIPs: [],
  loadBalancerVIPs: [],
  internalPolicyLocal: false,
  externalPolicyLocal: false,
};

/** Computes the desired IPVS state for `node`. */
export function desiredState(input: ProxyInput, node: string): DesiredState {
  const slicesBySvc = slicesByService(input.endpointSlices);
  const nodeIPs = nodeAddresses(input.nodes.find((n) => n.metadata.name === node));
  const scheduler = input.config.ipvsScheduler || "rr";
  const c = new Collector(scheduler, scheduler === "mh" ? ["mh-port"] : []);
  for (const svc of input.services) serviceEntries(c, svc, slicesBySvc, node, nodeIPs);
  const ipsets = c.ipsets();
  return { virtualServers: c.virtualServers, ipvsAddresses: [...c.bound], ipsets, nodeIPs };
}

/** One Service's virtual servers, ipset entries and kube-ipvs0 addresses. */
function serviceEntries(
  c: Collector,
  svc: Service,
  slicesBySvc: Map<string, EndpointSlice[]>,
  node: string,
  nodeIPs: readonly string[],
): void {
  const slices = slicesBySvc.get(serviceKey(svc));
  const persistentTimeout = affinityTimeout(svc);
  let healthCheckNodePort = 0;
  for (const sp of portsOf(svc)) {
    const proto = sp.protocol.toUpperCase() as Protocol;
    const info = { spn: sp.nameString, persistentTimeout };
    const all = endpointsFor(sp, slices);
    const cat = categorizeEndpoints(sp, all, (e) => e.nodeName === node);
    const memo: (readonly DesiredDest[] | undefined)[] = [undefined, undefined];
    const dests = (onlyLocal: boolean) => {
      const i = onlyLocal ? 1 : 0;
      memo[i] ??= policyDests(cat, all, onlyLocal);
      return memo[i]!;
    };
    const eTPLocal = sp.externalPolicyLocal;
    if (all.some((e) => e.nodeName === node))
      for (const e of inSliceOrder(all.filter((e) => e.nodeName === node)))
        c.add("KUBE-LOOP-BACK", `${e.ip},${sp.protocol}:${e.port},${e.ip}`);
    c.vs(proto, sp.clusterIP, sp.port, "ClusterIP", dests(sp.internalPolicyLocal), info);
    c.add("KUBE-CLUSTER-IP", ipPortEntry(sp.clusterIP, proto, sp.port));
    c.bind(sp.clusterIP);
    for (const ext of sp.externalIPs) {
      c.add(eTPLocal ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP", ipPortEntry(ext, proto, sp.port));
      c.vs(proto, ext, sp.port, "ExternalIP", dests(eTPLocal), info);
      c.bind(ext);
    }
    for (const ip of sp.loadBalancerVIPs) {
      const entry = ipPortEntry(ip, proto, sp.port);
      c.add("KUBE-LOAD-BALANCER", entry);
      if (eTPLocal) c.add("KUBE-LOAD-BALANCER-LOCAL", entry);
      if (sp.loadBalancerSourceRanges.length > 0) {
        c.add("KUBE-LOAD-BALANCER-FW", entry);
        for (const cidr of sp.loadBalancerSourceRanges)
          c.add("KUBE-LOAD-BALANCER-SOURCE-CIDR", `${entry},${cidr}`);
      }
      c.vs(proto, ip, sp.port, "LoadBalancer", dests(eTPLocal), info);
      c.bind(ip);
    }
    if (sp.nodePort) {
      addNodePortEntries(c, proto, sp.nodePort, nodeIPs, eTPLocal);
      for (const nip of nodeIPs) c.vs(proto, nip, sp.nodePort, "NodePort", dests(eTPLocal), info);
    }
    healthCheckNodePort ||= sp.healthCheckNodePort;
  }
  if (healthCheckNodePort) c.add("KUBE-HEALTH-CHECK-NODE-PORT", String(healthCheckNodePort));
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
