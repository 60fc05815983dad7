/**
 * What kube-proxy's syncProxyRules wants on one node in IPVS mode, computed
 * from Services, EndpointSlices and Nodes (pkg/proxy/ipvs/proxier.go).
 */
import type { IpvsScheduler } from "../../api/configTypes";
import type { Node, Service } from "../../api/types";
import type { Protocol } from "../../net/types";
import type { ProxyInput } from "../types";
import { isIPv4 } from "./addr";
import { categorize, type EndpointInfo, endpointsForPort, indexSlices } from "./endpoints";
import { emptyIpsets, ipPortEntry } from "./ipsets";
import { type IpsetSet, type VirtualServerKind, vsKey } from "./model";

export interface DesiredDest {
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
  dests: DesiredDest[];
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

function toDests(eps: readonly EndpointInfo[], node: string): DesiredDest[] {
  return eps.map((e) => ({ ip: e.ip, port: e.port, local: e.nodeName === node }));
}

/** Computes the desired IPVS state for `node`. */
export function desiredState(input: ProxyInput, node: string): DesiredState {
  const slicesBySvc = indexSlices(input.endpointSlices);
  const nodeIPs = nodeAddresses(input.nodes.find((n) => n.metadata.name === node));
  const scheduler = input.config.ipvsScheduler || "rr";
  const schedFlags = scheduler === "mh" ? ["mh-port"] : [];
  const virtualServers = new Map<string, DesiredVS>();
  const ipsets = emptyIpsets();
  const addresses: string[] = [];
  const bound = new Set<string>();
  const add = (set: string, entry: string): void => {
    ipsets.get(set)?.members.push(entry);
  };
  const bind = (ip: string): void => {
    if (!bound.has(ip)) {
      bound.add(ip);
      addresses.push(ip);
    }
  };
  const loopback = new Set<string>();

  for (const svc of input.services) {
    const spec = svc.spec;
    if (!spec || spec.type === "ExternalName") continue;
    const clusterIP = spec.clusterIP;
    if (!isIPv4(clusterIP)) continue;
    const ns = svc.metadata.namespace ?? "default";
    const slices = slicesBySvc.get(`${ns}/${svc.metadata.name}`) ?? [];
    const persistentTimeout = affinityTimeout(svc);
    const eTPLocal =
      spec.externalTrafficPolicy === "Local" && (spec.type === "NodePort" || spec.type === "LoadBalancer");
    const iTPLocal = spec.internalTrafficPolicy === "Local";
    for (const sp of spec.ports ?? []) {
      const proto = (sp.protocol ?? "TCP") as Protocol;
      const portName = sp.name ?? "";
      const spn = `${ns}/${svc.metadata.name}${portName ? `:${portName}` : ""}`;
      const eps = endpointsForPort(slices, portName, proto);
      const { cluster, local } = categorize(eps, node);
      // NOTE: IPVS mode falls back to cluster endpoints when a Local policy finds
      // no local ones (kubernetes PR #97081); iptables/nftables mode drops instead.
      const onlyLocal = (flag: boolean): DesiredDest[] =>
        toDests(flag && local.length > 0 ? local : cluster, node);
      for (const e of eps) {
        if (e.nodeName === node) {
          const entry = `${e.ip},${proto.toLowerCase()}:${e.port},${e.ip}`;
          if (!loopback.has(entry)) {
            loopback.add(entry);
            add("KUBE-LOOP-BACK", entry);
          }
        }
      }
      const mk = (ip: string, port: number, kind: VirtualServerKind, dests: DesiredDest[]): void => {
        const key = vsKey(proto, ip, port);
        virtualServers.set(key, {
          key,
          proto,
          ip,
          port,
          scheduler,
          schedFlags,
          persistentTimeout,
          kind,
          servicePortName: spn,
          dests,
        });
      };
      mk(clusterIP, sp.port, "ClusterIP", onlyLocal(iTPLocal));
      add("KUBE-CLUSTER-IP", ipPortEntry(clusterIP, proto, sp.port));
      bind(clusterIP);
      for (const ext of spec.externalIPs ?? []) {
        if (!isIPv4(ext)) continue;
        add(eTPLocal ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP", ipPortEntry(ext, proto, sp.port));
        mk(ext, sp.port, "ExternalIP", onlyLocal(eTPLocal));
        bind(ext);
      }
      if (spec.type === "LoadBalancer") {
        for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
          if (!isIPv4(ing.ip)) continue;
          const entry = ipPortEntry(ing.ip, proto, sp.port);
          add("KUBE-LOAD-BALANCER", entry);
          if (eTPLocal) add("KUBE-LOAD-BALANCER-LOCAL", entry);
          if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
            add("KUBE-LOAD-BALANCER-FW", entry);
            for (const cidr of spec.loadBalancerSourceRanges ?? [])
              add("KUBE-LOAD-BALANCER-SOURCE-CIDR", `${entry},${cidr}`);
          }
          mk(ing.ip, sp.port, "LoadBalancer", onlyLocal(eTPLocal));
          bind(ing.ip);
        }
      }
      if ((spec.type === "NodePort" || spec.type === "LoadBalancer") && sp.nodePort) {
        addNodePortEntries(add, proto, sp.nodePort, nodeIPs, eTPLocal);
        for (const nip of nodeIPs) mk(nip, sp.nodePort, "NodePort", onlyLocal(eTPLocal));
      }
    }
    if (eTPLocal && spec.healthCheckNodePort)
      add("KUBE-HEALTH-CHECK-NODE-PORT", String(spec.healthCheckNodePort));
  }
  for (const ip of addresses) add("KUBE-IPVS-IPS", ip);
  for (const s of ipsets.values()) {
    s.members = [...new Set(s.members)];
    if (s.type === "bitmap:port") s.members.sort((a, b) => Number(a) - Number(b));
  }
  return { virtualServers, ipvsAddresses: addresses, ipsets, nodeIPs };
}

function addNodePortEntries(
  add: (set: string, entry: string) => void,
  proto: Protocol,
  nodePort: number,
  nodeIPs: readonly string[],
  local: boolean,
): void {
  if (proto === "SCTP") {
    for (const ip of nodeIPs) {
      add("KUBE-NODE-PORT-SCTP-HASH", ipPortEntry(ip, proto, nodePort));
      if (local) add("KUBE-NODE-PORT-LOCAL-SCTP-HASH", ipPortEntry(ip, proto, nodePort));
    }
    return;
  }
  add(`KUBE-NODE-PORT-${proto}`, String(nodePort));
  if (local) add(`KUBE-NODE-PORT-LOCAL-${proto}`, String(nodePort));
}

function affinityTimeout(svc: Service): number | undefined {
  if (svc.spec?.sessionAffinity !== "ClientIP") return undefined;
  return svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT;
}
