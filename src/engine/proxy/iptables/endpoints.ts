/**
 * Endpoints per service port from EndpointSlices (`pkg/proxy/endpointslicecache.go`)
 * and their split into cluster / local sets (`pkg/proxy/topology.go`,
 * `CategorizeEndpoints`).
 */
import type { EndpointSlice } from "../../api/types";
import { parseIPv4 } from "./netfilter/addr";
import { externallyAccessible, type ServicePortInfo } from "./servicePorts";

export interface EndpointInfo {
  ip: string;
  port: number;
  /** `ip:port`, the string kube-proxy sorts, hashes and prints. */
  str: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
}

/** Slices by `namespace/service` (label `kubernetes.io/service-name`). */
export function slicesByService(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.["kubernetes.io/service-name"];
    if (!svc || s.addressType !== "IPv4") continue;
    const key = `${s.metadata.namespace ?? "default"}/${svc}`;
    let list = out.get(key);
    if (!list) {
      list = [];
      out.set(key, list);
    }
    list.push(s);
  }
  return out;
}

/**
 * The endpoints of one service port: slice ports matched by name and
 * protocol, duplicates merged, sorted by the `ip:port` string.
 */
export function endpointsFor(
  sp: ServicePortInfo,
  slices: readonly EndpointSlice[] | undefined,
): EndpointInfo[] {
  const seen = new Map<string, EndpointInfo>();
  for (const slice of slices ?? []) {
    let port: number | undefined;
    for (const p of slice.ports ?? []) {
      if ((p.name ?? "") === sp.portName && (p.protocol ?? "TCP").toLowerCase() === sp.protocol) {
        port = p.port;
        break;
      }
    }
    if (!port) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (ip === undefined || parseIPv4(ip) === undefined) continue;
      const str = `${ip}:${port}`;
      if (seen.has(str)) continue;
      const c = ep.conditions;
      const ready = c?.ready ?? true;
      const info: EndpointInfo = {
        ip,
        port,
        str,
        ready,
        serving: c?.serving ?? ready,
        terminating: c?.terminating ?? false,
      };
      if (ep.nodeName) info.nodeName = ep.nodeName;
      seen.set(str, info);
    }
  }
  return [...seen.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0));
}

export interface CategorizedEndpoints {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  /** Every endpoint some chain of this node reaches (gets a KUBE-SEP chain). */
  allReachable: EndpointInfo[];
  hasAny: boolean;
}

/** The service port uses Cluster endpoints (for internal or pod→external traffic). */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || externallyAccessible(sp);
}

/** The service port uses Local endpoints (iTP or eTP Local). */
export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (externallyAccessible(sp) && sp.externalPolicyLocal);
}

/**
 * Ready endpoints, falling back to serving+terminating ones when none are
 * ready. NOTE: topology hints (trafficDistribution) are not applied.
 */
export function categorizeEndpoints(
  sp: ServicePortInfo,
  endpoints: readonly EndpointInfo[],
  node: string,
): CategorizedEndpoints {
  let cluster: EndpointInfo[] = [];
  let hasAny = false;
  if (usesClusterEndpoints(sp)) {
    cluster = endpoints.filter((e) => e.ready);
    if (cluster.length === 0) cluster = endpoints.filter((e) => e.serving && e.terminating);
    hasAny = cluster.length > 0;
  }
  if (!usesLocalEndpoints(sp)) return { cluster, local: [], allReachable: cluster, hasAny };
  let localReady = false;
  let localTerminating = false;
  for (const e of endpoints) {
    if (e.ready) {
      hasAny = true;
      if (e.nodeName === node) localReady = true;
    } else if (e.serving && e.terminating) {
      hasAny = true;
      if (e.nodeName === node) localTerminating = true;
    }
  }
  let local: EndpointInfo[] = [];
  if (localReady) local = endpoints.filter((e) => e.nodeName === node && e.ready);
  else if (localTerminating)
    local = endpoints.filter((e) => e.nodeName === node && e.serving && e.terminating);
  if (!usesClusterEndpoints(sp)) return { cluster, local, allReachable: local, hasAny };
  const all = [...cluster];
  for (const e of local) if (!all.includes(e)) all.push(e);
  return { cluster, local, allReachable: all, hasAny };
}
