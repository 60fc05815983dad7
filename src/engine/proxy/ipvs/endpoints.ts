/**
 * Which endpoints kube-proxy uses for a Service port (pkg/proxy/topology.go,
 * reference §1.7), read from EndpointSlices.
 */

import { isIPv4 } from "../../api/ipv4";
import type { EndpointSlice } from "../../api/types";
import type { Protocol } from "../../net/types";

export interface EndpointInfo {
  /** `ip:port`, the real server's key. */
  key: string;
  ip: string;
  port: number;
  nodeName?: string;
  /** Runs on the node being synced. */
  local: boolean;
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
 * `node` is the node being synced (it sets `local`).
 */
export function endpointsForPort(
  slices: readonly EndpointSlice[],
  portName: string,
  proto: Protocol,
  node: string,
): EndpointInfo[] {
  const out: EndpointInfo[] = [];
  let seen: Set<string> | undefined;
  for (const slice of slices) {
    const sp = slicePort(slice, portName, proto);
    if (!sp || sp.port === undefined) continue;
    const port = sp.port;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (!isIPv4(ip)) continue;
      const key = `${ip}:${port}`;
      if (seen) {
        if (seen.has(key)) continue;
        seen.add(key);
      } else if (out.length < LINEAR_DEDUPE) {
        if (has(out, key)) continue;
      } else {
        seen = new Set(out.map((e) => e.key));
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const c = ep.conditions;
      const ready = c?.ready ?? true;
      out.push({
        key,
        ip,
        port,
        nodeName: ep.nodeName,
        local: ep.nodeName === node,
        ready,
        serving: c?.serving ?? ready,
        terminating: c?.terminating ?? false,
      });
    }
  }
  return out;
}

/** Up to this many endpoints, duplicates are found by a scan instead of a Set. */
const LINEAR_DEDUPE = 16;

function has(list: readonly EndpointInfo[], key: string): boolean {
  for (const e of list) if (e.key === key) return true;
  return false;
}

function slicePort(slice: EndpointSlice, portName: string, proto: Protocol) {
  for (const p of slice.ports ?? []) {
    if ((p.name ?? "") === portName && (p.protocol ?? "TCP") === proto) return p;
  }
  return undefined;
}

function pick(list: readonly EndpointInfo[]): readonly EndpointInfo[] {
  let allReady = true;
  for (const e of list) {
    if (!e.ready) {
      allReady = false;
      break;
    }
  }
  if (allReady) return list;
  const ready = list.filter((e) => e.ready);
  return ready.length > 0 ? ready : list.filter((e) => e.serving && e.terminating);
}

/**
 * CategorizeEndpoints' cluster endpoints: the ready ones, or, if none is
 * ready, the serving-and-terminating ones (the same array when all are ready).
 * NOTE: topology hints and trafficDistribution are not applied here; real
 * kube-proxy filters cluster endpoints by zone/node hints when they are usable.
 */
export function clusterEndpoints(eps: readonly EndpointInfo[]): readonly EndpointInfo[] {
  return pick(eps);
}

/** CategorizeEndpoints' local endpoints: the same selection restricted to this node. */
export function localEndpoints(eps: readonly EndpointInfo[]): readonly EndpointInfo[] {
  return pick(eps.filter((e) => e.local));
}
