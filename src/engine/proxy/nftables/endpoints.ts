/**
 * A ServicePort's endpoints, read by the shared endpoint cache
 * (`../endpoints`) and kept compact: two flat arrays per port instead of
 * one object per endpoint, expanded (sorted, with their hashed chain
 * names) when a Service's chains are written.
 */

import type { EndpointSlice } from "../../api/types";
import {
  READY as ENDPOINT_READY,
  SERVING as ENDPOINT_SERVING,
  TERMINATING as ENDPOINT_TERMINATING,
  type EndpointInfo,
  forEachEndpoint,
  type PortKey,
  sortByAddress,
} from "../endpoints";
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

/**
 * One endpoint as the nftables rules name it: the shared `EndpointInfo`'s
 * address and conditions with whether it runs on this node and its chain
 * (as upstream's nftables `endpointInfo` wraps `BaseEndpointInfo`).
 */
export interface NftEndpointInfo
  extends Pick<EndpointInfo, "ip" | "port" | "ready" | "serving" | "terminating"> {
  local: boolean;
  /** `endpoint-HASH-ns/svc/proto/port__ip/port` (the affinity set's name shares its base), built once. */
  chain: string;
}

/**
 * The endpoints the shared endpoint cache reads for `sp` (slice order,
 * first occurrence winning), packed: on `node` or not, and the conditions.
 */
export function collectEndpoints(
  slices: readonly EndpointSlice[],
  sp: PortKey,
  node: string,
): CompactEndpoints {
  const out: CompactEndpoints = { ips: [], meta: [] };
  forEachEndpoint(sp, slices, (ip, port, conditions, nodeName) => {
    const flags =
      (nodeName === node ? LOCAL : 0) |
      (conditions & ENDPOINT_READY ? READY : 0) |
      (conditions & ENDPOINT_SERVING ? SERVING : 0) |
      (conditions & ENDPOINT_TERMINATING ? TERMINATING : 0);
    out.ips.push(ip);
    out.meta.push(endpointMeta.pack(port, flags));
  });
  return out;
}

/** The endpoints sorted by `IP:port`, named under `readableBase` (`readableBase__ip/port`). */
export function expandEndpoints(
  eps: CompactEndpoints,
  readableBase: string,
  names: NftNames,
): NftEndpointInfo[] {
  const out: NftEndpointInfo[] = [];
  // The readable name's pieces are hashed in place, never joined but into the chain name.
  // Joined, not concatenated: one flat string, read once per endpoint.
  const head = [readableBase, "__"].join("");
  // A port's endpoints mostly share one target port: its `/port` is made once.
  let lastPort = -1;
  let slashPort = "";
  for (let i = 0; i < eps.ips.length; i++) {
    const ip = eps.ips[i] as string;
    const meta = eps.meta[i] as number;
    const port = endpointMeta.port(meta);
    if (port !== lastPort) {
      lastPort = port;
      slashPort = `/${port}`;
    }
    out.push({
      ip,
      port,
      local: endpointMeta.has(meta, LOCAL),
      ready: endpointMeta.has(meta, READY),
      serving: endpointMeta.has(meta, SERVING),
      terminating: endpointMeta.has(meta, TERMINATING),
      chain: names.prefixedHashAndTruncate(ENDPOINT, head, ip, slashPort),
    });
  }
  return sortByAddress(out);
}
