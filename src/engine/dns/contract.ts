/**
 * What the rest of the engine asks of cluster DNS. `ClusterDns` in
 * resolver.ts implements it with CoreDNS semantics.
 */
export type RRType = "A" | "AAAA" | "CNAME" | "SRV" | "PTR" | "TXT" | "SOA" | "NS" | "ANY";

export interface ResourceRecord {
  /** Fully qualified, with the trailing dot. */
  name: string;
  ttl: number;
  class: "IN";
  type: RRType;
  /** The RDATA as dig prints it (`10.96.0.1`, `0 100 80 web.default.svc.cluster.local.`). */
  data: string;
}

export type Rcode = "NOERROR" | "NXDOMAIN" | "SERVFAIL" | "REFUSED";

export interface DnsResponse {
  rcode: Rcode;
  /** AA: CoreDNS is authoritative for the cluster zone. */
  authoritative: boolean;
  /** RA: not set for the cluster zone. */
  recursionAvailable: boolean;
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
}

/** One query a stub resolver sent while expanding a name through the search list. */
export interface ResolveTry {
  name: string;
  type: RRType;
  rcode: Rcode;
}

export interface ResolveResult {
  /** The name that answered, fully qualified. */
  fqdn?: string;
  addresses: string[];
  /** CNAME chain, when the answer went through one (ExternalName). */
  cnames: string[];
  tries: ResolveTry[];
  /** The DNS server asked (from the pod's resolv.conf). */
  server: string;
}

export interface PodRef {
  namespace: string;
  name: string;
}

export interface Dns {
  /** One query as CoreDNS answers it: no search list (what `dig` sends). */
  query(name: string, type: RRType): DnsResponse;
  /** A pod's stub resolver: search list and ndots from its resolv.conf, as glibc does. */
  resolve(pod: PodRef, name: string): ResolveResult;
  /** The pod's `/etc/resolv.conf`, as the kubelet writes it. */
  resolvConf(pod: PodRef): string;
}
