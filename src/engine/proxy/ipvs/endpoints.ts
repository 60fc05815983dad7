/**
 * Which endpoints kube-proxy uses for a Service port (pkg/proxy/topology.go,
 * reference §1.7), read from EndpointSlices.
 */
import type { EndpointSlice } from "../../api/types";
import type { Protocol } from "../../net/types";
import { isIPv4 } from "./addr";

export interface EndpointInfo {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

/** EndpointSlices grouped by `namespace/service`, slices in name order. */
export function indexSlices(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  const byService = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc || s.addressType !== "IPv4") continue;
    const key = `${s.metadata.namespace ?? "default"}/${svc}`;
    const list = byService.get(key);
    if (list) list.push(s);
    else byService.set(key, [s]);
  }
  for (const list of byService.values()) list.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return byService;
}

/**
 * The endpoints of one Service port: slice ports match by name (`""` for an
 * unnamed port) and protocol. Duplicates (`ip:port`) count once, first wins.
 */
export function endpointsForPort(
  slices: readonly EndpointSlice[],
  portName: string,
  proto: Protocol,
): EndpointInfo[] {
  const out: EndpointInfo[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    const sp = (slice.ports ?? []).find(
      (p) => (p.name ?? "") === portName && (p.protocol ?? "TCP") === proto,
    );
    if (!sp || sp.port === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (!isIPv4(ip)) continue;
      const key = `${ip}:${sp.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const c = ep.conditions ?? {};
      const ready = c.ready ?? true;
      out.push({
        ip,
        port: sp.port,
        nodeName: ep.nodeName,
        ready,
        serving: c.serving ?? ready,
        terminating: c.terminating ?? false,
      });
    }
  }
  return out;
}

/**
 * CategorizeEndpoints: cluster endpoints are the ready ones, or, if none is
 * ready, the serving-and-terminating ones; local endpoints are the same
 * selection restricted to this node.
 * NOTE: topology hints and trafficDistribution are not applied here; real
 * kube-proxy filters cluster endpoints by zone/node hints when they are usable.
 */
export function categorize(
  eps: readonly EndpointInfo[],
  node: string,
): { cluster: EndpointInfo[]; local: EndpointInfo[]; hasAny: boolean } {
  const pick = (list: readonly EndpointInfo[]): EndpointInfo[] => {
    const ready = list.filter((e) => e.ready);
    return ready.length > 0 ? ready : list.filter((e) => e.serving && e.terminating);
  };
  const cluster = pick(eps);
  const local = pick(eps.filter((e) => e.nodeName === node));
  return { cluster, local, hasAny: eps.length > 0 };
}
