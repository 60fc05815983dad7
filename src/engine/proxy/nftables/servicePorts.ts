/**
 * What kube-proxy's service and endpoint change trackers hold, per
 * ServicePort: the names, addresses and endpoints the nftables rules are
 * written from (`pkg/proxy/serviceport.go`, `endpointslicecache.go`).
 */
import type { EndpointSlice, Service } from "../../api/types";
import { hashAndTruncate } from "./hash";
import { ipToInt, parseCidr } from "./ip";
import type { Cidr } from "./model";

/** One endpoint of a ServicePort, as kube-proxy's endpoint cache sees it. */
export interface EndpointInfo {
  ip: string;
  port: number;
  /** `IP:port`, what kube-proxy sorts and hashes by. */
  endpoint: string;
  local: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** `HASH-ns/svc/proto/port__ip/port` */
  chainBase: string;
  /** The address as a number. */
  ipNumber: number;
  /** `endpoint-<base>`, built once so map lookups reuse the string. */
  chain: string;
}

/** One port of one Service, with everything the rules need. */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  portName: string;
  /** Lower case, as nft writes it. */
  protocol: string;
  port: number;
  nodePort: number;
  clusterIP: string;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: Cidr[];
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  /** ClientIP affinity timeout in seconds, when sessionAffinity is ClientIP. */
  affinitySeconds?: number;
  /** ServicePortName: `ns/svc:port`, or `ns/svc` for an unnamed port. */
  nameString: string;
  /** `HASH-ns/svc/proto/port` */
  chainBase: string;
  /** Endpoints sorted by `IP:port`, duplicates removed. */
  endpoints: EndpointInfo[];
}

/** Memoizes hashAndTruncate: a sync recomputes the same names. */
export type NameCache = Map<string, string>;

function hashed(cache: NameCache, readable: string): string {
  let v = cache.get(readable);
  if (v === undefined) {
    v = hashAndTruncate(readable);
    cache.set(readable, v);
  }
  return v;
}

function isIPv4(s: string | undefined): s is string {
  return s !== undefined && !Number.isNaN(ipToInt(s));
}

/** Slices of each Service, by `namespace/name` (label `kubernetes.io/service-name`). */
export function slicesByService(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.["kubernetes.io/service-name"];
    if (!svc || s.addressType !== "IPv4") continue;
    const key = `${s.metadata.namespace ?? "default"}/${svc}`;
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

function endpointsFor(
  slices: readonly EndpointSlice[],
  portName: string,
  protocol: string,
  readableBase: string,
  node: string,
  cache: NameCache,
): EndpointInfo[] {
  const seen = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    const sp = (slice.ports ?? []).find(
      (p) => (p.name ?? "") === portName && (p.protocol ?? "TCP").toLowerCase() === protocol,
    );
    if (!sp || sp.port === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (!isIPv4(ip)) continue;
      const endpoint = `${ip}:${sp.port}`;
      if (seen.has(endpoint)) continue;
      const ready = ep.conditions?.ready ?? true;
      const chainBase = hashed(cache, `${readableBase}__${ip}/${sp.port}`);
      seen.set(endpoint, {
        ip,
        port: sp.port,
        endpoint,
        local: ep.nodeName === node,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        chainBase,
        ipNumber: ipToInt(ip),
        chain: `endpoint-${chainBase}`,
      });
    }
  }
  return [...seen.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
}

/**
 * The ServicePorts kube-proxy programs on `node`: Services with an IPv4
 * ClusterIP (headless and ExternalName Services get no rules), one per port.
 * NOTE: kube-proxy iterates its ServicePort map in Go map order (random);
 * here Services come sorted by namespace/name and ports in spec order, so
 * the table's creation order is stable.
 */
export function servicePorts(
  services: readonly Service[],
  slices: Map<string, EndpointSlice[]>,
  node: string,
  cache: NameCache,
): ServicePortInfo[] {
  const out: ServicePortInfo[] = [];
  const keyed = services.map((svc) => ({
    svc,
    key: `${svc.metadata.namespace ?? "default"}/${svc.metadata.name}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { svc } of keyed) {
    const spec = svc.spec;
    if (!spec || spec.type === "ExternalName" || !isIPv4(spec.clusterIP)) continue;
    const namespace = svc.metadata.namespace ?? "default";
    const name = svc.metadata.name;
    const isLB = spec.type === "LoadBalancer";
    const lbIPs = isLB ? (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter(isIPv4) : [];
    const ranges = isLB ? (spec.loadBalancerSourceRanges ?? []).map(parseCidr) : [];
    const affinity =
      spec.sessionAffinity === "ClientIP"
        ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800)
        : undefined;
    for (const p of spec.ports ?? []) {
      const portName = p.name ?? "";
      const protocol = (p.protocol ?? "TCP").toLowerCase();
      const readable = `${namespace}/${name}/${protocol}/${portName}`;
      const info: ServicePortInfo = {
        namespace,
        name,
        portName,
        protocol,
        port: p.port,
        nodePort: p.nodePort ?? 0,
        clusterIP: spec.clusterIP,
        externalIPs: (spec.externalIPs ?? []).filter(isIPv4),
        loadBalancerIPs: lbIPs,
        loadBalancerSourceRanges: ranges.filter((c): c is Cidr => c !== undefined),
        externalPolicyLocal: false,
        internalPolicyLocal: spec.internalTrafficPolicy === "Local",
        nameString: portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`,
        chainBase: hashed(cache, readable),
        endpoints: endpointsFor(
          slices.get(`${namespace}/${name}`) ?? [],
          portName,
          protocol,
          readable,
          node,
          cache,
        ),
      };
      info.externalPolicyLocal = externallyAccessible(info) && spec.externalTrafficPolicy === "Local";
      if (affinity !== undefined) info.affinitySeconds = affinity;
      out.push(info);
    }
  }
  return out;
}

/** NodePort, externalIPs or LoadBalancer IPs: traffic that is "external" to kube-proxy. */
export function externallyAccessible(s: ServicePortInfo): boolean {
  return s.nodePort !== 0 || s.externalIPs.length > 0 || s.loadBalancerIPs.length > 0;
}
