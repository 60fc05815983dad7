/**
 * The stub resolver inside a container: /etc/hosts first, then the search
 * list and ndots from resolv.conf, as glibc's res_search walks them.
 */

import { isIPv4, isIPv6 } from "../api/ipv4";
import type { DnsResponse, ResolveResult, ResolveTry, RRType } from "./contract";
import { lookupHosts } from "./hosts";
import { fqdn } from "./names";
import type { ResolvConf } from "./resolvConf";
import { ndotsOf } from "./resolvConf";

/** Sends one query to the configured nameserver; `undefined` means no answer (timeout). */
export type StubQuery = (name: string, type: RRType) => DnsResponse | undefined;

/**
 * The names glibc tries, in order: a trailing dot means only the name itself;
 * fewer dots than ndots means the search list first and the name last;
 * otherwise the name first, then the search list.
 */
export function searchCandidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith(".")) return [name.toLowerCase()];
  const dots = name.split(".").length - 1;
  const searched = conf.searches.map((s) => fqdn(`${name}.${s}`));
  return dots >= ndotsOf(conf) ? [fqdn(name), ...searched] : [...searched, fqdn(name)];
}

/**
 * Resolves a name as getaddrinfo(AF_UNSPEC) does: A and AAAA for each
 * candidate until one has an address.
 * NOTE: an unreachable nameserver is reported as a SERVFAIL try; the real
 * resolver waits out `timeout:5` × `attempts:2` per server first.
 */
export function stubResolve(name: string, conf: ResolvConf, query: StubQuery, hosts = ""): ResolveResult {
  const server = conf.nameservers[0] ?? "";
  const result: ResolveResult = { addresses: [], cnames: [], tries: [], server };
  if (isIPv4(name) || isIPv6(name)) return { ...result, fqdn: name, addresses: [name] };
  const fromHosts = lookupHosts(hosts, name);
  if (fromHosts.length) return { ...result, fqdn: fqdn(name), addresses: fromHosts };
  for (const candidate of searchCandidates(name, conf)) {
    const addresses: string[] = [];
    const cnames: string[] = [];
    for (const type of ["A", "AAAA"] as const) {
      const response = server ? query(candidate, type) : undefined;
      const tried: ResolveTry = { name: candidate, type, rcode: response?.rcode ?? "SERVFAIL" };
      result.tries.push(tried);
      if (!response) return result;
      for (const r of response.answer) {
        if (r.type === type) addresses.push(r.data);
        else if (r.type === "CNAME" && !cnames.includes(r.data)) cnames.push(r.data);
      }
    }
    if (addresses.length) return { ...result, fqdn: candidate, addresses, cnames };
  }
  return result;
}
