/**
 * Endpoints per service port from EndpointSlices (`pkg/proxy/endpointslicecache.go`)
 * and their split into cluster / local sets (`pkg/proxy/topology.go`,
 * `CategorizeEndpoints`).
 */

import { isIPv4 } from "../../api/ipv4";
import type { EndpointSlice } from "../../api/types";
import { trimmed } from "../../util/trimmed";
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

/** Above this many endpoints, duplicates are found with a Set instead of a scan. */
const SCAN_LIMIT = 32;

/** Is `ip:port` already among `out` (a scan while `seen` is not needed yet)? */
function isDuplicate(out: EndpointInfo[], ip: string, port: number): boolean {
  for (let i = 0; i < out.length; i++) {
    const e = out[i]!;
    if (e.port === port && e.ip === ip) return true;
  }
  return false;
}

/**
 * Sorts by the `ip:port` string in place: a port has a handful of
 * endpoints, and insertion sort needs no work array nor comparator calls.
 */
function sortByStr(eps: EndpointInfo[]): void {
  for (let i = 1; i < eps.length; i++) {
    const e = eps[i]!;
    let j = i - 1;
    if (!(eps[j]!.str > e.str)) continue;
    do {
      eps[j + 1] = eps[j]!;
      j--;
    } while (j >= 0 && eps[j]!.str > e.str);
    eps[j + 1] = e;
  }
}

/**
 * The endpoints of one service port: slice ports matched by name and
 * protocol, duplicates merged, sorted by the `ip:port` string.
 */
export function endpointsFor(
  sp: ServicePortInfo,
  slices: readonly EndpointSlice[] | undefined,
): EndpointInfo[] {
  const out: EndpointInfo[] = [];
  if (!slices) return out;
  let seen: Set<string> | undefined;
  for (const slice of slices) {
    const port = slicePort(slice, sp);
    const eps = slice.endpoints;
    if (!port || !eps) continue;
    const suffix = `:${port}`;
    for (const ep of eps) {
      const ip = ep.addresses[0];
      if (!isIPv4(ip)) continue;
      const str = ip + suffix;
      if (!seen && out.length >= SCAN_LIMIT) seen = new Set(out.map((e) => e.str));
      if (seen ? seen.has(str) : isDuplicate(out, ip, port)) continue;
      seen?.add(str);
      const c = ep.conditions;
      const ready = c?.ready ?? true;
      out.push({
        ip,
        port,
        str,
        ready,
        serving: c?.serving ?? ready,
        terminating: c?.terminating ?? false,
        // Always present (maybe undefined): one object shape for every endpoint.
        nodeName: ep.nodeName || undefined,
      });
    }
  }
  sortByStr(out);
  return trimmed(out);
}

/** The slice's port for this service port (matched by name and protocol). */
function slicePort(slice: EndpointSlice, sp: ServicePortInfo): number | undefined {
  for (const p of slice.ports ?? []) {
    if ((p.name ?? "") === sp.portName && (p.protocol ?? "TCP").toLowerCase() === sp.protocol) return p.port;
  }
  return undefined;
}

/** Fields of an endpoint `endpointsFor` reads, in snapshot order. */
const EP_FIELDS = 5;

/**
 * Every value `endpointsFor` reads from the slices, flat: per slice its
 * matched port and endpoint count, then per endpoint address, ready,
 * serving, terminating, nodeName (as written, defaults not applied).
 */
export function sliceSnapshot(sp: ServicePortInfo, slices: readonly EndpointSlice[] | undefined): unknown[] {
  const ports: (number | undefined)[] = [];
  let size = 0;
  for (const slice of slices ?? []) {
    const port = slicePort(slice, sp);
    ports.push(port);
    size += 2 + (port ? (slice.endpoints?.length ?? 0) * EP_FIELDS : 0);
  }
  // Sized up front: every port keeps one until the next sync, and a pushed array carries slack.
  const out: unknown[] = new Array(size);
  let i = 0;
  (slices ?? []).forEach((slice, k) => {
    const port = ports[k];
    const eps = port ? (slice.endpoints ?? []) : [];
    out[i++] = port;
    out[i++] = eps.length;
    for (const ep of eps) {
      const c = ep.conditions;
      out[i++] = ep.addresses[0];
      out[i++] = c?.ready;
      out[i++] = c?.serving;
      out[i++] = c?.terminating;
      out[i++] = ep.nodeName;
    }
  });
  return out;
}

/** True when the slices still hold what `snapshot` recorded (so `endpointsFor` would return the same). */
export function sameSlices(
  snapshot: readonly unknown[],
  sp: ServicePortInfo,
  slices: readonly EndpointSlice[] | undefined,
): boolean {
  let i = 0;
  for (const slice of slices ?? []) {
    const port = slicePort(slice, sp);
    const eps = port ? (slice.endpoints ?? []) : [];
    if (snapshot[i] !== port || snapshot[i + 1] !== eps.length) return false;
    i += 2;
    for (const ep of eps) {
      const c = ep.conditions;
      if (
        snapshot[i] !== ep.addresses[0] ||
        snapshot[i + 1] !== c?.ready ||
        snapshot[i + 2] !== c?.serving ||
        snapshot[i + 3] !== c?.terminating ||
        snapshot[i + 4] !== ep.nodeName
      )
        return false;
      i += EP_FIELDS;
    }
  }
  return i === snapshot.length;
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
    // Usually every endpoint is ready: share the list rather than keep a copy per port.
    cluster = endpoints.every((e) => e.ready)
      ? (endpoints as EndpointInfo[])
      : endpoints.filter((e) => e.ready);
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
