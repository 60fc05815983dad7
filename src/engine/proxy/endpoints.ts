/**
 * Endpoints per service port from EndpointSlices, as kube-proxy's endpoint
 * slice cache holds them (`pkg/proxy/endpointslicecache.go`): the slices'
 * ports matched by name and protocol, IPv4 addresses only, duplicates
 * merged (first wins), in slice order; `sortByAddress` puts them in the
 * `ip:port` string order the iptables rules follow. Every mode reads them
 * from here.
 */

import { isIPv4 } from "../api/ipv4";
import type { EndpointSlice } from "../api/types";
import { lowerProtocol, type ServicePort } from "./servicePort";

/** An endpoint's conditions, as bits of one number (one small object per endpoint). */
export const READY = 1;
export const SERVING = 2;
export const TERMINATING = 4;

/**
 * One endpoint of a service port. Its `ip:port` text is built when read,
 * not kept: the writers read it for few endpoints, or once each.
 */
export class EndpointInfo {
  constructor(
    readonly ip: string,
    readonly port: number,
    /** `READY`, `SERVING` and `TERMINATING` bits. */
    readonly flags: number,
    readonly nodeName: string | undefined,
  ) {}

  get ready(): boolean {
    return (this.flags & READY) !== 0;
  }

  get serving(): boolean {
    return (this.flags & SERVING) !== 0;
  }

  get terminating(): boolean {
    return (this.flags & TERMINATING) !== 0;
  }

  /** `ip:port`, the string kube-proxy sorts, hashes and prints. */
  get str(): string {
    return `${this.ip}:${this.port}`;
  }
}

/** What matching a slice's port reads of a service port. */
export type PortKey = Pick<ServicePort, "portName" | "protocol">;

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

/** What ordering reads of an endpoint. */
export interface EndpointAddress {
  ip: string;
  port: number;
}

/**
 * Orders two endpoints as their `ip:port` strings would (kube-proxy sorts
 * those), without building them: addresses hold only digits and dots, so
 * where one address is a prefix of the other, its `:` sorts after.
 */
export function compareAddress(a: EndpointAddress, b: EndpointAddress): number {
  const x = a.ip;
  const y = b.ip;
  if (x === y) return a.port === b.port ? 0 : String(a.port) < String(b.port) ? -1 : 1;
  // A prefix sorts first by `<` but last once followed by its `:`.
  if (x < y) return y.startsWith(x) ? 1 : -1;
  return x.startsWith(y) ? -1 : 1;
}

/**
 * Sorts by the `ip:port` string in place and returns the list: a port has
 * a handful of endpoints, and insertion sort needs no work array.
 */
export function sortByAddress<E extends EndpointAddress>(eps: E[]): E[] {
  for (let i = 1; i < eps.length; i++) {
    const e = eps[i]!;
    let j = i - 1;
    while (j >= 0 && compareAddress(eps[j]!, e) > 0) {
      eps[j + 1] = eps[j]!;
      j--;
    }
    eps[j + 1] = e;
  }
  return eps;
}

/** Visits one endpoint: its address, port, condition bits (`READY`, ...), node and place among those taken. */
export type EndpointVisitor = (
  ip: string,
  port: number,
  flags: number,
  nodeName: string | undefined,
  index: number,
) => void;

/** Up to this many endpoints, duplicates are found by a scan back instead of a Set. */
const SCAN_LIMIT = 32;

/** How many endpoints the slices matching `sp` list (duplicates and non-IPv4 ones included). */
export function endpointRoom(sp: PortKey, slices: readonly EndpointSlice[] | undefined): number {
  let room = 0;
  for (const slice of slices ?? [])
    if (slice.endpoints && slicePort(slice, sp)) room += slice.endpoints.length;
  return room;
}

/**
 * Does `ip` come before endpoint `i` of slice `s` under the same port? An
 * equal address there is as valid, so it was taken or merged into one taken.
 */
function listedBefore(
  slices: readonly EndpointSlice[],
  s: number,
  i: number,
  sp: PortKey,
  port: number,
  ip: string,
): boolean {
  const eps = slices[s]!.endpoints!;
  for (let j = 0; j < i; j++) if (eps[j]!.addresses[0] === ip) return true;
  for (let t = 0; t < s; t++) {
    const other = slices[t]!.endpoints;
    if (!other || slicePort(slices[t]!, sp) !== port) continue;
    for (let j = 0; j < other.length; j++) if (other[j]!.addresses[0] === ip) return true;
  }
  return false;
}

/**
 * Visits the endpoints of one service port, in slice order: slice ports
 * matched by name and protocol, IPv4 addresses only, duplicates merged
 * (the first wins). Returns how many it visited.
 */
export function forEachEndpoint(
  sp: PortKey,
  slices: readonly EndpointSlice[] | undefined,
  visit: EndpointVisitor,
): number {
  if (!slices) return 0;
  const seen = endpointRoom(sp, slices) > SCAN_LIMIT ? new Set<string>() : undefined;
  let k = 0;
  for (let s = 0; s < slices.length; s++) {
    const slice = slices[s]!;
    const eps = slice.endpoints;
    if (!eps) continue;
    const port = slicePort(slice, sp);
    if (port === undefined) continue;
    for (let i = 0; i < eps.length; i++) {
      const ep = eps[i]!;
      const ip = ep.addresses[0];
      if (!isIPv4(ip)) continue;
      if (seen) {
        const str = `${ip}:${port}`;
        if (seen.has(str)) continue;
        seen.add(str);
      } else if (listedBefore(slices, s, i, sp, port, ip)) continue;
      const c = ep.conditions;
      const ready = c?.ready ?? true;
      const flags =
        (ready ? READY : 0) | ((c?.serving ?? ready) ? SERVING : 0) | (c?.terminating ? TERMINATING : 0);
      visit(ip, port, flags, ep.nodeName || undefined, k++);
    }
  }
  return k;
}

/** The endpoints of one service port, in slice order (see `forEachEndpoint`). */
export function endpointsFor(sp: PortKey, slices: readonly EndpointSlice[] | undefined): EndpointInfo[] {
  // Room for every endpoint of the matching slices, filled in order and cut to those taken:
  // one array of exactly their number (kept per port), not a push-grown one and its copy.
  const room = endpointRoom(sp, slices);
  const out = new Array<EndpointInfo>(room);
  const k = forEachEndpoint(sp, slices, (ip, port, flags, nodeName, i) => {
    out[i] = new EndpointInfo(ip, port, flags, nodeName);
  });
  if (k < room) out.length = k;
  return out;
}

/** The slice's port for this service port (matched by name and protocol). */
export function slicePort(slice: EndpointSlice, sp: PortKey): number | undefined {
  for (const p of slice.ports ?? []) {
    if ((p.name ?? "") === sp.portName && lowerProtocol(p.protocol) === sp.protocol) return p.port;
  }
  return undefined;
}

/**
 * What kube-proxy matches slice ports by, for each port of a Service: its name ("" unnamed) and
 * lower-case protocol. The same keys `servicePorts` gives the data plane.
 */
export function portKeys(ports: readonly { name?: string; protocol?: string }[] | undefined): PortKey[] {
  return (ports ?? []).map((p) => ({
    portName: p.name ?? "",
    protocol: lowerProtocol(p.protocol),
  }));
}

/**
 * Does this slice give endpoints to any of the Service's ports (`keys`)? A slice whose ports do
 * not include one of them — the EndpointSlice controller puts pods whose named targetPort did not
 * resolve in a slice without that port — gives kube-proxy nothing to send to. A Service without
 * ports (headless, DNS only) takes every slice.
 */
export function sliceServes(slice: EndpointSlice, keys: readonly PortKey[]): boolean {
  if (keys.length === 0) return true;
  for (const k of keys) if (slicePort(slice, k) !== undefined) return true;
  return false;
}
