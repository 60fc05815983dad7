/**
 * A ServicePort's endpoints as kube-proxy's endpoint cache holds them
 * (`pkg/proxy/endpointslicecache.go`), kept compact: two flat arrays per
 * port instead of one object per endpoint, expanded into `EndpointInfo`s
 * (sorted, with their hashed chain names) when a Service's chains are
 * written.
 */

import { isIPv4 } from "../../api/ipv4";
import type { EndpointSlice } from "../../api/types";
import { trimmed } from "../../util/trimmed";
import type { NftNames } from "./hash";
import { endpointChain } from "./names";
import { endpointMeta, LOCAL, READY, SERVING, TERMINATING } from "./packed";

/** `endpoint-`, the endpoint chains' prefix. */
const ENDPOINT = endpointChain("");

export { LOCAL, READY, SERVING, TERMINATING } from "./packed";

/** Unique endpoints in slice order: `ips[i]` with `meta[i]` its port and flags (`endpointMeta`). */
export interface CompactEndpoints {
  ips: string[];
  meta: number[];
}

/** One endpoint of a ServicePort, as kube-proxy's endpoint cache sees it. */
export interface EndpointInfo {
  ip: string;
  port: number;
  local: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** `endpoint-HASH-ns/svc/proto/port__ip/port` (the affinity set's name shares its base), built once. */
  chain: string;
}

function isDuplicate(
  out: CompactEndpoints,
  ip: string,
  port: number,
  seen: Set<string> | undefined,
): boolean {
  if (seen) {
    const key = `${ip}:${port}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  }
  for (let i = 0; i < out.ips.length; i++)
    if (out.ips[i] === ip && endpointMeta.port(out.meta[i] as number) === port) return true;
  return false;
}

/** Above this many candidates, duplicates are found with a Set instead of a scan. */
const SCAN_LIMIT = 32;

/**
 * The unique IPv4 endpoints of the slices' port `portName`/`protocol`
 * (lower case), first occurrence winning, in slice order.
 */
export function collectEndpoints(
  slices: readonly EndpointSlice[],
  portName: string,
  protocol: string,
  node: string,
): CompactEndpoints {
  const out: CompactEndpoints = { ips: [], meta: [] };
  let candidates = 0;
  for (const slice of slices) candidates += slice.endpoints?.length ?? 0;
  const seen = candidates > SCAN_LIMIT ? new Set<string>() : undefined;
  for (const slice of slices) {
    let port: number | undefined;
    for (const p of slice.ports ?? [])
      if ((p.name ?? "") === portName && (p.protocol ?? "TCP").toLowerCase() === protocol) {
        port = p.port;
        break;
      }
    if (port === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (!isIPv4(ip) || isDuplicate(out, ip, port, seen)) continue;
      const c = ep.conditions;
      const ready = c?.ready ?? true;
      const flags =
        (ep.nodeName === node ? LOCAL : 0) |
        (ready ? READY : 0) |
        ((c?.serving ?? ready) ? SERVING : 0) |
        ((c?.terminating ?? false) ? TERMINATING : 0);
      out.ips.push(ip);
      out.meta.push(endpointMeta.pack(port, flags));
    }
  }
  return { ips: trimmed(out.ips), meta: trimmed(out.meta) };
}

/**
 * Orders two endpoints as their `IP:port` strings would (kube-proxy sorts
 * those), without building them: addresses hold only digits and dots, so
 * where one address is a prefix of the other, its `:` sorts after.
 */
function compareEndpoints(a: EndpointInfo, b: EndpointInfo): number {
  const x = a.ip;
  const y = b.ip;
  if (x === y) return a.port === b.port ? 0 : String(a.port) < String(b.port) ? -1 : 1;
  // Native comparisons; a prefix sorts first by `<` but last once followed by its `:`.
  if (x < y) return y.startsWith(x) ? 1 : -1;
  return x.startsWith(y) ? -1 : 1;
}

/** Insertion sort: a port has a handful of endpoints (no work array, comparisons inlined). */
function sortEndpoints(eps: EndpointInfo[]): EndpointInfo[] {
  for (let i = 1; i < eps.length; i++) {
    const e = eps[i] as EndpointInfo;
    let j = i - 1;
    while (j >= 0 && compareEndpoints(eps[j] as EndpointInfo, e) > 0) {
      eps[j + 1] = eps[j] as EndpointInfo;
      j--;
    }
    eps[j + 1] = e;
  }
  return eps;
}

/** The endpoints as `EndpointInfo`s sorted by `IP:port`, named under `readableBase`. */
export function expandEndpoints(
  eps: CompactEndpoints,
  readableBase: string,
  names: NftNames,
): EndpointInfo[] {
  const out: EndpointInfo[] = [];
  for (let i = 0; i < eps.ips.length; i++) {
    const ip = eps.ips[i] as string;
    const meta = eps.meta[i] as number;
    const port = endpointMeta.port(meta);
    // Joined, not concatenated: hashing reads it flat, and the chain name copies it.
    const readable = [readableBase, "__", ip, "/", port].join("");
    out.push({
      ip,
      port,
      local: endpointMeta.has(meta, LOCAL),
      ready: endpointMeta.has(meta, READY),
      serving: endpointMeta.has(meta, SERVING),
      terminating: endpointMeta.has(meta, TERMINATING),
      chain: names.prefixedHashAndTruncate(ENDPOINT, readable),
    });
  }
  return sortEndpoints(out);
}
