/**
 * "The internet" as cluster DNS's `forward . /etc/resolv.conf` sees it: a
 * small table of well-known public names. Answers are recursive
 * (non-authoritative, RA set), as from a public resolver.
 *
 * NOTE: the internet is simulated. Addresses are real, published ones
 * (Google's and Cloudflare's resolvers, GitHub's 140.82.112.0/20, the long-
 * documented example.com address), but big sites rotate theirs; Google's are
 * one snapshot of its anycast front ends. Unknown names get NXDOMAIN with the
 * root zone's SOA, as a recursive resolver returns for a name that does not exist.
 */
import type { DnsResponse, ResourceRecord, RRType } from "./contract";
import { fqdn, inZone, ipFromReverseName } from "./names";

interface UpstreamName {
  ttl: number;
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  TXT?: string[];
}

/** The public names Packetwalk's simulated internet knows. */
export const UPSTREAM_NAMES: Readonly<Record<string, UpstreamName>> = {
  "google.com.": { ttl: 300, A: ["142.250.72.206"], AAAA: ["2607:f8b0:4004:c1b::71"] },
  "www.google.com.": { ttl: 300, A: ["142.250.72.196"], AAAA: ["2607:f8b0:4004:c19::68"] },
  "example.com.": { ttl: 300, A: ["93.184.216.34"], AAAA: ["2606:2800:220:1:248:1893:25c8:1946"] },
  "www.example.com.": { ttl: 300, A: ["93.184.216.34"], AAAA: ["2606:2800:220:1:248:1893:25c8:1946"] },
  "example.org.": { ttl: 300, A: ["93.184.216.34"], AAAA: ["2606:2800:220:1:248:1893:25c8:1946"] },
  "example.net.": { ttl: 300, A: ["93.184.216.34"], AAAA: ["2606:2800:220:1:248:1893:25c8:1946"] },
  "github.com.": { ttl: 60, A: ["140.82.112.3"] },
  "www.github.com.": { ttl: 3600, CNAME: "github.com." },
  "dns.google.": {
    ttl: 900,
    A: ["8.8.8.8", "8.8.4.4"],
    AAAA: ["2001:4860:4860::8888", "2001:4860:4860::8844"],
  },
  "one.one.one.one.": {
    ttl: 300,
    A: ["1.1.1.1", "1.0.0.1"],
    AAAA: ["2606:4700:4700::1111", "2606:4700:4700::1001"],
  },
};

/** Reverse names the simulated internet answers (`dig -x 8.8.8.8`). */
export const UPSTREAM_PTR: Readonly<Record<string, string>> = {
  "8.8.8.8": "dns.google.",
  "8.8.4.4": "dns.google.",
  "1.1.1.1": "one.one.one.one.",
  "1.0.0.1": "one.one.one.one.",
};

/** Public recursive resolvers a `dig @server` can reach. */
export const PUBLIC_RESOLVERS: readonly string[] = ["8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1"];

/**
 * The node's /etc/resolv.conf (what `dnsPolicy: Default` pods inherit and
 * what CoreDNS's `forward . /etc/resolv.conf` reads).
 * NOTE: invented. A real node lists its cloud's VPC resolver (e.g. GCE's
 * 169.254.169.254) or systemd-resolved's uplinks, and often search domains,
 * which the kubelet would append to every ClusterFirst pod's search line.
 */
export const NODE_RESOLV_CONF = "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";

const PRIVATE_REVERSE_ZONES = [
  "10.in-addr.arpa.",
  "168.192.in-addr.arpa.",
  ...range(16, 32).map((n) => `${n}.172.in-addr.arpa.`),
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function rr(name: string, ttl: number, type: RRType, data: string): ResourceRecord {
  return { name, ttl, class: "IN", type, data };
}

/** The root zone's SOA; the serial is the date-based one Verisign uses (YYYYMMDDnn). */
export function rootSoa(nowMs: number): ResourceRecord {
  const d = new Date(nowMs);
  const serial = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}00`;
  return rr(".", 86400, "SOA", `a.root-servers.net. nstld.verisign-grs.com. ${serial} 1800 900 604800 86400`);
}

/** RFC 6303 / AS112: private reverse zones are answered NXDOMAIN with this SOA. */
function as112Soa(zone: string): ResourceRecord {
  return rr(zone, 604800, "SOA", "prisoner.iana.org. hostmaster.root-servers.org. 1 604800 60 604800 604800");
}

function recursive(
  rcode: DnsResponse["rcode"],
  answer: ResourceRecord[],
  authority: ResourceRecord[] = [],
): DnsResponse {
  return { rcode, authoritative: false, recursionAvailable: true, answer, authority, additional: [] };
}

/** One query as a public recursive resolver answers it. */
export function queryUpstream(name: string, type: RRType, nowMs: number): DnsResponse {
  const n = fqdn(name);
  if (type === "PTR" || n.endsWith(".arpa.")) {
    const ip = ipFromReverseName(n);
    const target = ip === undefined ? undefined : UPSTREAM_PTR[ip];
    if (target && (type === "PTR" || type === "ANY"))
      return recursive("NOERROR", [rr(n, 86400, "PTR", target)]);
    const zone = PRIVATE_REVERSE_ZONES.find((z) => inZone(n, z));
    return recursive(target ? "NOERROR" : "NXDOMAIN", [], [zone ? as112Soa(zone) : rootSoa(nowMs)]);
  }
  const answer: ResourceRecord[] = [];
  let current = n;
  for (let hops = 0; hops < 8; hops++) {
    const entry = UPSTREAM_NAMES[current];
    if (!entry) break;
    if (entry.CNAME) {
      answer.push(rr(current, entry.ttl, "CNAME", entry.CNAME));
      if (type === "CNAME") return recursive("NOERROR", answer);
      current = entry.CNAME;
      continue;
    }
    const types: RRType[] = type === "ANY" ? ["A", "AAAA"] : [type];
    for (const t of types) {
      const values = t === "A" ? entry.A : t === "AAAA" ? entry.AAAA : t === "TXT" ? entry.TXT : undefined;
      for (const v of values ?? []) answer.push(rr(current, entry.ttl, t, v));
    }
    return recursive("NOERROR", answer, answer.length === 0 ? [rootSoa(nowMs)] : []);
  }
  return recursive(answer.length ? "NOERROR" : "NXDOMAIN", answer, [rootSoa(nowMs)]);
}
