/**
 * One query against the cluster zone, answered the way CoreDNS's kubernetes
 * plugin answers it (`plugin/kubernetes/parse.go`, `kubernetes.go`,
 * `plugin/backend_lookup.go`).
 */

import { isIPv4, isIPv6 } from "../api/ipv4";
import type { DnsResponse, ResourceRecord, RRType } from "./contract";
import type { DnsEndpoint, DnsIndex, DnsPort, DnsService } from "./dnsIndex";
import { endpointLabel, endpointPtr } from "./dnsIndex";
import { fqdn, inZone, relativeLabels, undashIPv4 } from "./names";

/** What an answer needs from outside the index. */
export interface ZoneContext {
  /** SOA serial: Unix seconds of the last change CoreDNS saw. */
  serial: number;
  /** The cluster DNS Service's IPs (for `ns.dns.<zone>`). */
  dnsServiceIPs: string[];
  /** Resolves a name outside the zone (CoreDNS's `forward`). */
  forward: (name: string, type: RRType) => DnsResponse;
}

function rr(name: string, ttl: number, type: RRType, data: string): ResourceRecord {
  return { name, ttl, class: "IN", type, data };
}

/** `cluster.local. 5 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. <serial> 7200 1800 86400 5` */
export function zoneSoa(index: DnsIndex, serial: number): ResourceRecord {
  const z = `${index.zone}.`;
  const ttl = index.settings.ttl;
  return rr(z, ttl, "SOA", `ns.dns.${z} hostmaster.${z} ${serial} 7200 1800 86400 ${ttl}`);
}

function authoritative(
  rcode: DnsResponse["rcode"],
  answer: ResourceRecord[],
  additional: ResourceRecord[] = [],
): DnsResponse {
  return { rcode, authoritative: true, recursionAvailable: false, answer, authority: [], additional };
}

/** `match` from the plugin: `*` and `any` are wildcards, otherwise case-insensitive equality. */
function match(want: string, have: string): boolean {
  return want === "*" || want === "any" || want === have.toLowerCase();
}

function addressRecords(name: string, ips: readonly string[], type: RRType, ttl: number): ResourceRecord[] {
  const want = type === "A" ? isIPv4 : isIPv6;
  const seen = new Set<string>();
  const out: ResourceRecord[] = [];
  for (const ip of ips) {
    if (!want(ip) || seen.has(ip)) continue;
    seen.add(ip);
    out.push(rr(name, ttl, type, ip));
  }
  return out;
}

interface SrvTarget {
  target: string;
  port: number;
  ip: string;
}

/** SRV records with weight floor(100/n), and the targets' addresses for ADDITIONAL. */
function srvAnswer(qname: string, targets: SrvTarget[], ttl: number): DnsResponse {
  const weight = Math.max(1, Math.floor(100 / Math.max(1, targets.length)));
  const answer: ResourceRecord[] = [];
  const additional: ResourceRecord[] = [];
  const seenSrv = new Set<string>();
  const seenAddr = new Set<string>();
  for (const t of targets) {
    const key = `${t.target} ${t.port}`;
    if (!seenSrv.has(key)) {
      seenSrv.add(key);
      answer.push(rr(qname, ttl, "SRV", `0 ${weight} ${t.port} ${t.target}`));
    }
    const addrKey = `${t.target} ${t.ip}`;
    if (!seenAddr.has(addrKey)) {
      seenAddr.add(addrKey);
      additional.push(rr(t.target, ttl, isIPv4(t.ip) ? "A" : "AAAA", t.ip));
    }
  }
  return authoritative("NOERROR", answer, additional);
}

function portTargets(ep: DnsEndpoint, svc: DnsService, port: string, proto: string): SrvTarget[] {
  const target = `${endpointLabel(ep)}.${svc.fqdn}`;
  return ep.ports
    .filter((p) => match(port, p.name) && match(proto, p.protocol))
    .map((p) => ({ target, port: p.port, ip: ep.ip }));
}

function serviceAnswer(
  index: DnsIndex,
  ctx: ZoneContext,
  qname: string,
  type: RRType,
  svc: DnsService,
  endpoint: string | undefined,
  port: string,
  proto: string,
): DnsResponse | undefined {
  const ttl = index.settings.ttl;
  if (svc.kind === "ExternalName") {
    if (endpoint !== undefined || port !== "*" || proto !== "*") return undefined;
    const cname = rr(qname, ttl, "CNAME", svc.externalName!);
    if (type === "CNAME") return authoritative("NOERROR", [cname]);
    if (type !== "A" && type !== "AAAA") return authoritative("NOERROR", []);
    // CoreDNS resolves the target through the rest of its plugin chain and appends it.
    const target = inZone(svc.externalName!, index.zone)
      ? answerZone(index, ctx, svc.externalName!, type)
      : ctx.forward(svc.externalName!, type);
    return authoritative("NOERROR", [cname, ...target.answer]);
  }
  const endpoints =
    endpoint === undefined ? svc.endpoints : svc.endpoints.filter((ep) => match(endpoint, endpointLabel(ep)));
  const useEndpoints = svc.kind === "Headless" || endpoint !== undefined;
  if (useEndpoints && endpoints.length === 0) return undefined;
  if (type === "A" || type === "AAAA") {
    if (port !== "*" || proto !== "*") return authoritative("NOERROR", []);
    const ips = useEndpoints ? endpoints.map((ep) => ep.ip) : svc.clusterIPs;
    return authoritative("NOERROR", addressRecords(qname, ips, type, ttl));
  }
  if (type === "SRV") {
    const targets: SrvTarget[] = useEndpoints
      ? endpoints.flatMap((ep) => portTargets(ep, svc, port, proto))
      : svc.ports
          .filter((p: DnsPort) => match(port, p.name) && match(proto, p.protocol))
          .flatMap((p) => svc.clusterIPs.map((ip) => ({ target: svc.fqdn, port: p.port, ip })));
    if (targets.length === 0 && (port !== "*" || proto !== "*")) return undefined;
    return srvAnswer(qname, targets, ttl);
  }
  if (port !== "*" || proto !== "*") {
    const any = useEndpoints
      ? endpoints.some((ep) => portTargets(ep, svc, port, proto).length > 0)
      : svc.ports.some((p) => match(port, p.name) && match(proto, p.protocol));
    if (!any) return undefined;
  }
  return authoritative("NOERROR", []);
}

function stripUnderscore(label: string): string {
  return label.startsWith("_") ? label.slice(1) : label;
}

function podAnswer(
  index: DnsIndex,
  qname: string,
  type: RRType,
  label: string,
  namespace: string,
): DnsResponse | undefined {
  if (index.settings.pods === "disabled") return undefined;
  if (!index.namespaces.has(namespace)) return undefined;
  const ip = undashIPv4(label);
  if (ip === undefined) return undefined;
  if (index.settings.pods === "verified" && !index.podIPs.get(ip)?.includes(namespace)) return undefined;
  const answer = type === "A" ? [rr(qname, index.settings.ttl, "A", ip)] : [];
  return authoritative("NOERROR", answer);
}

function reverseAnswer(index: DnsIndex, qname: string, ip: string): DnsResponse | undefined {
  const ttl = index.settings.ttl;
  const svc = index.servicePtr.get(ip);
  if (svc !== undefined) return authoritative("NOERROR", [rr(qname, ttl, "PTR", svc)]);
  const eps = endpointPtr(index).get(ip);
  if (eps !== undefined)
    return authoritative(
      "NOERROR",
      eps.map((name) => rr(qname, ttl, "PTR", name)),
    );
  return undefined;
}

/** Everything inside the zone; `undefined` means the name does not exist (NXDOMAIN). */
function lookup(index: DnsIndex, ctx: ZoneContext, qname: string, type: RRType): DnsResponse | undefined {
  const labels = relativeLabels(qname, index.zone);
  const ttl = index.settings.ttl;
  const nodata = authoritative("NOERROR", []);
  // ANY falls to the plugin's default branch: a fake A lookup that only tells NODATA from NXDOMAIN.
  const only = (t: RRType, make: () => ResourceRecord[]) =>
    authoritative("NOERROR", type === t ? make() : []);
  if (labels.length === 0) {
    if (type === "SOA") return authoritative("NOERROR", [zoneSoa(index, ctx.serial)]);
    return only("NS", () => [rr(`${index.zone}.`, ttl, "NS", `ns.dns.${index.zone}.`)]);
  }
  const key = labels.join(".");
  if (key === "dns-version") return only("TXT", () => [rr(qname, ttl, "TXT", '"1.1.0"')]);
  if (key === "ns.dns") return only("A", () => addressRecords(qname, ctx.dnsServiceIPs, "A", ttl));
  const kind = labels[labels.length - 1];
  if (kind !== "svc" && kind !== "pod") return undefined;
  if (labels.length === 1) return nodata;
  const namespace = labels[labels.length - 2]!;
  if (labels.length === 2) return index.namespaces.has(namespace) ? nodata : undefined;
  if (kind === "pod")
    return labels.length === 3 ? podAnswer(index, qname, type, labels[0]!, namespace) : undefined;
  const svc = index.services.get(`${labels[labels.length - 3]}.${namespace}`);
  if (!svc) return undefined;
  if (labels.length === 3) return serviceAnswer(index, ctx, qname, type, svc, undefined, "*", "*");
  if (labels.length === 4) return serviceAnswer(index, ctx, qname, type, svc, labels[0], "*", "*");
  if (labels.length === 5) {
    return serviceAnswer(
      index,
      ctx,
      qname,
      type,
      svc,
      undefined,
      stripUnderscore(labels[0]!),
      stripUnderscore(labels[1]!),
    );
  }
  return undefined;
}

/**
 * Answers a query for a name in the cluster zone, with the SOA in AUTHORITY
 * for NXDOMAIN and NODATA.
 */
export function answerZone(index: DnsIndex, ctx: ZoneContext, name: string, type: RRType): DnsResponse {
  const qname = fqdn(name);
  const found = lookup(index, ctx, qname, type);
  if (!found) return { ...authoritative("NXDOMAIN", []), authority: [zoneSoa(index, ctx.serial)] };
  if (found.answer.length === 0 && found.rcode === "NOERROR")
    return { ...found, authority: [zoneSoa(index, ctx.serial)] };
  return found;
}

/** A reverse query: the zone answers for Service and endpoint IPs, the rest falls through to `forward`. */
export function answerReverse(index: DnsIndex, ctx: ZoneContext, name: string, ip: string): DnsResponse {
  return reverseAnswer(index, fqdn(name), ip) ?? ctx.forward(name, "PTR");
}
