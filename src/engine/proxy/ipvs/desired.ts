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
import { servicePorts as portsOf, type ServicePort } from "../servicePort";
import { type CategorizedEndpoints, categorizeEndpoints } from "../topology";
import type { ProxyInput } from "../types";
import { DestList } from "./destList";
import { emptyIpsets, IPSET_INFO, ipPortEntry, protocolWord, SET_NUMBER } from "./ipsets";
import { type VirtualServer, type VirtualServerKind, vsKey } from "./model";
import { addressWord, isPort, portWord } from "./setTable";
import type { WrittenIpset } from "./writtenIpset";

/** A virtual server kube-proxy wants: what it sets of the kernel's, with the real servers it wants. */
export interface DesiredVS
  extends Pick<
    VirtualServer,
    | "key"
    | "proto"
    | "ip"
    | "port"
    | "scheduler"
    | "schedFlags"
    | "persistentTimeout"
    | "kind"
    | "servicePortName"
  > {
  /** In the order kube-proxy adds them. */
  dests: DestList;
}

export interface DesiredState {
  virtualServers: Map<string, DesiredVS>;
  ipvsAddresses: string[];
  ipsets: Map<string, WrittenIpset>;
  nodeIPs: string[];
}

const DEFAULT_AFFINITY_TIMEOUT = 10800;

/** A service port's lower-case protocol as the kernel names it (the usual three without a new string). */
function kernelProtocol(protocol: string): Protocol {
  switch (protocol) {
    case "tcp":
      return "TCP";
    case "udp":
      return "UDP";
    case "sctp":
      return "SCTP";
    default:
      return protocol.toUpperCase() as Protocol;
  }
}

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

/** What every Service's share depends on besides the Service: the node, its addresses, the scheduler. */
export interface ShareEnv {
  node: string;
  nodeIPs: readonly string[];
  scheduler: IpvsScheduler;
  schedFlags: string[];
  /** The work lists this sync's shares are collected in, one Service at a time. */
  writer: ShareWriter;
}

/** The node's share settings from kube-proxy's input. */
export function shareEnv(input: ProxyInput, node: string): ShareEnv {
  const scheduler = input.config.ipvsScheduler || "rr";
  return {
    node,
    nodeIPs: nodeAddresses(input.nodes.find((n) => n.metadata.name === node)),
    scheduler,
    schedFlags: scheduler === "mh" ? ["mh-port"] : [],
    writer: new ShareWriter(),
  };
}

/**
 * One Service's part of the desired state, in the order kube-proxy adds
 * it: its virtual servers and its ipset entries. It binds each of its
 * virtual servers' addresses but the NodePort ones to kube-ipvs0, in turn. A data plane keeps each Service's share until the change
 * tracker reports the Service changed.
 */
export interface ServiceShare {
  virtualServers: DesiredVS[];
  /** Each ipset entry as its set's number (`SET_NUMBER`) and its three key words (see SetTable.add), in turn. */
  entries: number[];
  /** The text of each entry with a NaN key word (kept as text), in entry order. */
  texts: string[];
}

/** No key word is NaN: the entry is held by its key, its text made from it (writtenIpset.ts). */
function isKeyed(a: number, b: number, c: number): boolean {
  return !Number.isNaN(a) && !Number.isNaN(b) && !Number.isNaN(c);
}

/** An empty list every share without such entries holds (never written to). */
const NONE: never[] = [];

/** The first `n` of a work list, as a share keeps them: a list of exactly their number, the empty one shared. */
function kept<T>(list: readonly T[], n: number): T[] {
  return n === 0 ? NONE : list.slice(0, n);
}

/**
 * Collects one Service's share in work lists that serve every Service of
 * a sync in turn (a share copies out exactly what it holds).
 */
export class ShareWriter {
  private readonly virtualServers: DesiredVS[] = [];
  private vsCount = 0;
  private readonly entries: number[] = [];
  private entryCount = 0;
  private readonly texts: string[] = [];
  private textCount = 0;
  private scheduler: IpvsScheduler = "rr";
  private schedFlags: string[] = [];

  /** Starts a Service's share under `env`'s settings. */
  start(env: ShareEnv): this {
    this.scheduler = env.scheduler;
    this.schedFlags = env.schedFlags;
    this.vsCount = 0;
    this.entryCount = 0;
    this.textCount = 0;
    return this;
  }

  /** The share as kept until the Service changes. */
  share(): ServiceShare {
    return {
      virtualServers: kept(this.virtualServers, this.vsCount),
      entries: kept(this.entries, this.entryCount),
      texts: kept(this.texts, this.textCount),
    };
  }

  /**
   * An entry of `set` by its key words (see SetTable.add) and, when a word
   * is NaN (the entry is kept as text), its text; `""` otherwise.
   */
  add(set: string, a: number, b: number, c: number, text: string): void {
    const n = SET_NUMBER.get(set);
    if (n === undefined) return;
    const e = this.entries;
    const i = this.entryCount;
    e[i] = n;
    e[i + 1] = a;
    e[i + 2] = b;
    e[i + 3] = c;
    this.entryCount = i + 4;
    if (!isKeyed(a, b, c)) this.texts[this.textCount++] = text;
  }

  /** An `ip,proto:port` entry (hash:ip,port). */
  addIpPort(set: string, ip: string, proto: Protocol, port: number): void {
    const a = addressWord(ip);
    const b = portWord(protocolWord(proto), port);
    this.add(set, a, b, 0, isKeyed(a, b, 0) ? "" : ipPortEntry(ip, proto, port));
  }

  /** A `port` entry (bitmap:port). */
  addPort(set: string, port: number): void {
    if (isPort(port)) this.add(set, port, 0, 0, "");
    else this.add(set, Number.NaN, 0, 0, String(port));
  }

  vs(
    proto: Protocol,
    ip: string,
    port: number,
    kind: VirtualServerKind,
    dests: DestList,
    svc: { spn: string; persistentTimeout: number | undefined },
  ): void {
    this.virtualServers[this.vsCount++] = {
      key: vsKey(proto, ip, port),
      proto,
      ip,
      port,
      scheduler: this.scheduler,
      schedFlags: this.schedFlags,
      persistentTimeout: svc.persistentTimeout,
      kind,
      servicePortName: svc.spn,
      dests,
    };
  }
}

/**
 * The desired state from every Service's share, in input order: a virtual
 * server named twice keeps its first place and its last definition, set
 * members and kube-ipvs0 addresses their first place (as one pass over the
 * Services adding to maps and sets leaves them).
 */
export function assemble(shares: readonly ServiceShare[], nodeIPs: string[]): DesiredState {
  const virtualServers = new Map<string, DesiredVS>();
  // Each set's table sized once for the entries it may take.
  const counts = new Array<number>(IPSET_INFO.length).fill(0);
  const ips = SET_NUMBER.get("KUBE-IPVS-IPS")!;
  // Indexed loops: these run once per sync over every Service, before the compiler has warmed to them.
  for (let k = 0; k < shares.length; k++) {
    const share = shares[k]!;
    const e = share.entries;
    for (let i = 0; i < e.length; i += 4) counts[e[i]!]!++;
    counts[ips]! += share.virtualServers.length;
  }
  const ipsets = emptyIpsets(counts);
  // In kube-proxy's order: a set's number is its place.
  const sets = [...ipsets.values()];
  // KUBE-IPVS-IPS holds exactly the addresses bound to kube-ipvs0 (no share adds to it otherwise).
  const bound = ipsets.get("KUBE-IPVS-IPS")!;
  const ipvsAddresses: string[] = [];
  for (let k = 0; k < shares.length; k++) {
    const share = shares[k]!;
    const vss = share.virtualServers;
    for (let v = 0; v < vss.length; v++) virtualServers.set(vss[v]!.key, vss[v]!);
    const e = share.entries;
    const texts = share.texts;
    for (let i = 0, t = 0; i < e.length; i += 4) {
      const a = e[i + 1]!;
      const b = e[i + 2]!;
      const c = e[i + 3]!;
      sets[e[i]!]!.add(a, b, c, isKeyed(a, b, c) ? "" : texts[t++]!);
    }
    for (let v = 0; v < vss.length; v++) {
      const vs = vss[v]!;
      if (vs.kind !== "NodePort" && bound.add(addressWord(vs.ip), 0, 0, vs.ip)) ipvsAddresses.push(vs.ip);
    }
  }
  for (const s of sets) if (s.type === "bitmap:port") s.sortPorts();
  return { virtualServers, ipvsAddresses, ipsets, nodeIPs };
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
): DestList {
  const eps: readonly EndpointInfo[] = onlyLocal ? c.local : c.cluster;
  if (eps.length === 0 && onlyLocal)
    return DestList.of(categorizeEndpoints(CLUSTER_ONLY, all, () => false).cluster);
  return DestList.of(eps);
}

/**
 * A service port's real servers under each policy, each read once and kept
 * for its virtual servers. When every endpoint is ready (the usual case),
 * categorising selects all of them as Cluster endpoints and those on the
 * node as Local ones (topology.ts), so the walk's list serves without
 * endpoint objects.
 */
class PortDests {
  /** Every endpoint, in slice order. */
  readonly all: DestList;
  private readonly allReady: boolean;
  private cluster: DestList | undefined;
  private local: DestList | undefined;

  constructor(
    private readonly sp: ServicePort,
    private readonly slices: readonly EndpointSlice[] | undefined,
    private readonly node: string,
  ) {
    ({ all: this.all, allReady: this.allReady } = DestList.collect(sp, slices));
  }

  /** The real servers under a Local (`onlyLocal`) or Cluster policy. */
  under(onlyLocal: boolean): DestList {
    if (onlyLocal) {
      this.local ??= this.allReady ? this.readyOnNode() : this.categorized(true);
      return this.local;
    }
    this.cluster ??= this.allReady ? this.all : this.categorized(false);
    return this.cluster;
  }

  /** The node's endpoints, or (none there) every usable one: all of them, all being ready. */
  private readyOnNode(): DestList {
    const local = this.all.onNode(this.node);
    return local.length === 0 ? this.all : local;
  }

  /** The endpoints as objects and categorised (a port with a not-ready endpoint), once. */
  private endpoints: { all: EndpointInfo[]; cat: CategorizedEndpoints<EndpointInfo> } | undefined;

  private categorized(onlyLocal: boolean): DestList {
    if (!this.endpoints) {
      const all = endpointsFor(this.sp, this.slices);
      const node = this.node;
      this.endpoints = { all, cat: categorizeEndpoints(this.sp, all, (e) => e.nodeName === node) };
    }
    return policyDests(this.endpoints.cat, this.endpoints.all, onlyLocal);
  }
}

/** Policy facts under which every usable endpoint is a Cluster endpoint. */
const CLUSTER_ONLY = {
  nodePort: 0,
  externalIPs: [],
  loadBalancerVIPs: [],
  internalPolicyLocal: false,
  externalPolicyLocal: false,
};

/** Computes the desired IPVS state for `node` from the whole input. */
export function desiredState(input: ProxyInput, node: string): DesiredState {
  const env = shareEnv(input, node);
  const slicesBySvc = slicesByService(input.endpointSlices);
  const shares = input.services.map((svc) => serviceShare(svc, slicesBySvc.get(serviceKey(svc)), env));
  return assemble(shares, [...env.nodeIPs]);
}

/** One Service's virtual servers, ipset entries and kube-ipvs0 addresses. */
export function serviceShare(
  svc: Service,
  slices: readonly EndpointSlice[] | undefined,
  env: ShareEnv,
): ServiceShare {
  const c = env.writer.start(env);
  const { node, nodeIPs } = env;
  const persistentTimeout = affinityTimeout(svc);
  let healthCheckNodePort = 0;
  const ports = portsOf(svc);
  for (let p = 0; p < ports.length; p++) {
    const sp = ports[p]!;
    const proto = kernelProtocol(sp.protocol);
    const info = { spn: sp.nameString, persistentTimeout };
    const dests = new PortDests(sp, slices, node);
    const eTPLocal = sp.externalPolicyLocal;
    const all = dests.all;
    for (let i = 0; i < all.length; i++) {
      if (all.nodeName(i) !== node) continue;
      const addr = all.ip(i);
      const ip = addressWord(addr);
      const pp = portWord(sp.protocol, all.port(i));
      // `ip,proto:port,ip`, written out only when its key cannot hold it.
      c.add(
        "KUBE-LOOP-BACK",
        ip,
        pp,
        ip,
        isKeyed(ip, pp, ip) ? "" : `${addr},${sp.protocol}:${all.port(i)},${addr}`,
      );
    }
    c.vs(proto, sp.clusterIP, sp.port, "ClusterIP", dests.under(sp.internalPolicyLocal), info);
    c.addIpPort("KUBE-CLUSTER-IP", sp.clusterIP, proto, sp.port);
    for (const ext of sp.externalIPs) {
      c.addIpPort(eTPLocal ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP", ext, proto, sp.port);
      c.vs(proto, ext, sp.port, "ExternalIP", dests.under(eTPLocal), info);
    }
    for (const ip of sp.loadBalancerVIPs) {
      c.addIpPort("KUBE-LOAD-BALANCER", ip, proto, sp.port);
      if (eTPLocal) c.addIpPort("KUBE-LOAD-BALANCER-LOCAL", ip, proto, sp.port);
      if (sp.loadBalancerSourceRanges.length > 0) {
        c.addIpPort("KUBE-LOAD-BALANCER-FW", ip, proto, sp.port);
        // hash:ip,port,net: a net-typed set, indexed by its text (no table).
        for (const cidr of sp.loadBalancerSourceRanges)
          c.add(
            "KUBE-LOAD-BALANCER-SOURCE-CIDR",
            Number.NaN,
            0,
            0,
            `${ipPortEntry(ip, proto, sp.port)},${cidr}`,
          );
      }
      c.vs(proto, ip, sp.port, "LoadBalancer", dests.under(eTPLocal), info);
    }
    if (sp.nodePort) {
      addNodePortEntries(c, proto, sp.nodePort, nodeIPs, eTPLocal);
      for (const nip of nodeIPs) c.vs(proto, nip, sp.nodePort, "NodePort", dests.under(eTPLocal), info);
    }
    healthCheckNodePort ||= sp.healthCheckNodePort;
  }
  if (healthCheckNodePort) c.addPort("KUBE-HEALTH-CHECK-NODE-PORT", healthCheckNodePort);
  return c.share();
}

function addNodePortEntries(
  c: ShareWriter,
  proto: Protocol,
  nodePort: number,
  nodeIPs: readonly string[],
  local: boolean,
): void {
  if (proto === "SCTP") {
    for (const ip of nodeIPs) {
      c.addIpPort("KUBE-NODE-PORT-SCTP-HASH", ip, proto, nodePort);
      if (local) c.addIpPort("KUBE-NODE-PORT-LOCAL-SCTP-HASH", ip, proto, nodePort);
    }
    return;
  }
  c.addPort(`KUBE-NODE-PORT-${proto}`, nodePort);
  if (local) c.addPort(`KUBE-NODE-PORT-LOCAL-${proto}`, nodePort);
}

function affinityTimeout(svc: Service): number | undefined {
  if (svc.spec?.sessionAffinity !== "ClientIP") return undefined;
  return svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT;
}
