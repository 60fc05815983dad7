/**
 * The search-list walk nslookup and host share: try each candidate until
 * one is not NXDOMAIN, as BIND's tools do with the resolv.conf search list.
 */

import { isIPv4, isIPv6 } from "../../api/ipv4";
import type { DnsResponse, RRType } from "../../dns/contract";
import { reverseName } from "../../dns/names";
import type { ResolvConf } from "../../dns/resolvConf";
import { searchCandidates } from "../../dns/stub";
import type { CommandEnv } from "../types";
import { exchange } from "./transport";

export interface Lookup {
  /** The name that answered (or the last one tried), fully qualified. */
  qname: string;
  response: DnsResponse;
}

/** Looks `name` up at `server`; undefined when the server never answers. */
export function searchLookup(
  env: CommandEnv,
  conf: ResolvConf,
  server: string,
  name: string,
  type: RRType,
): Lookup | undefined {
  const reverse = isIPv4(name) || isIPv6(name);
  const candidates = reverse ? [reverseName(name)] : searchCandidates(name, conf);
  let last: Lookup | undefined;
  for (const qname of candidates) {
    const ex = exchange(env, server, qname, reverse ? "PTR" : type);
    if (!ex) return undefined;
    last = { qname, response: ex.response };
    if (ex.response.rcode !== "NXDOMAIN") break;
  }
  return last;
}

/** Drops the trailing dot, as nslookup and host print names. */
export function bare(name: string): string {
  return name.endsWith(".") && name !== "." ? name.slice(0, -1) : name;
}
