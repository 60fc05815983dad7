/**
 * The ipsets kube-proxy creates in IPVS mode (pkg/proxy/ipvs/ipset.go), in
 * the order of its `ipsetInfo` table, and set membership tests.
 */

import { type Cidr, cidrContains, ipToNumber, parseCidrOrAddress } from "../../api/ipv4";
import type { Protocol } from "../../net/types";
import type { IpsetSet, IpsetType } from "./model";
import { isPort, SetTable } from "./setTable";
import { type IpsetInfo, WrittenIpset } from "./writtenIpset";

/** kube-proxy's `ipsetInfo` (IPv4 names). */
export const IPSET_INFO: readonly IpsetInfo[] = [
  {
    name: "KUBE-LOOP-BACK",
    type: "hash:ip,port,ip",
    comment: "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose",
  },
  {
    name: "KUBE-CLUSTER-IP",
    type: "hash:ip,port",
    comment: "Kubernetes service cluster ip + port for masquerade purpose",
  },
  {
    name: "KUBE-EXTERNAL-IP",
    type: "hash:ip,port",
    comment: "Kubernetes service external ip + port for masquerade and filter purpose",
  },
  {
    name: "KUBE-EXTERNAL-IP-LOCAL",
    type: "hash:ip,port",
    comment: "Kubernetes service external ip + port with externalTrafficPolicy=local",
  },
  { name: "KUBE-LOAD-BALANCER", type: "hash:ip,port", comment: "Kubernetes service lb portal" },
  {
    name: "KUBE-LOAD-BALANCER-FW",
    type: "hash:ip,port",
    comment: "Kubernetes service load balancer ip + port for load balancer with sourceRange",
  },
  {
    name: "KUBE-LOAD-BALANCER-LOCAL",
    type: "hash:ip,port",
    comment: "Kubernetes service load balancer ip + port with externalTrafficPolicy=local",
  },
  {
    name: "KUBE-LOAD-BALANCER-SOURCE-IP",
    type: "hash:ip,port,ip",
    comment: "Kubernetes service load balancer ip + port + source IP for packet filter purpose",
  },
  {
    name: "KUBE-LOAD-BALANCER-SOURCE-CIDR",
    type: "hash:ip,port,net",
    comment: "Kubernetes service load balancer ip + port + source cidr for packet filter purpose",
  },
  {
    name: "KUBE-NODE-PORT-TCP",
    type: "bitmap:port",
    comment: "Kubernetes nodeport TCP port for masquerade purpose",
  },
  {
    name: "KUBE-NODE-PORT-LOCAL-TCP",
    type: "bitmap:port",
    comment: "Kubernetes nodeport TCP port with externalTrafficPolicy=local",
  },
  {
    name: "KUBE-NODE-PORT-UDP",
    type: "bitmap:port",
    comment: "Kubernetes nodeport UDP port for masquerade purpose",
  },
  {
    name: "KUBE-NODE-PORT-LOCAL-UDP",
    type: "bitmap:port",
    comment: "Kubernetes nodeport UDP port with externalTrafficPolicy=local",
  },
  {
    name: "KUBE-NODE-PORT-SCTP-HASH",
    type: "hash:ip,port",
    comment: "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  },
  {
    name: "KUBE-NODE-PORT-LOCAL-SCTP-HASH",
    type: "hash:ip,port",
    comment: "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  },
  { name: "KUBE-HEALTH-CHECK-NODE-PORT", type: "bitmap:port", comment: "Kubernetes health check node port" },
  { name: "KUBE-IPVS-IPS", type: "hash:ip", comment: "Addresses on the ipvs interface" },
];

const TYPE_BY_NAME = new Map<string, IpsetType>(IPSET_INFO.map((i) => [i.name, i.type]));

/** Each set's number: its place in kube-proxy's order. */
export const SET_NUMBER: ReadonlyMap<string, number> = new Map(IPSET_INFO.map((i, n) => [i.name, n]));

/** Fresh, empty sets in kube-proxy's order; `expected[n]`: how many members set `n` may take. */
export function emptyIpsets(expected?: readonly number[]): Map<string, WrittenIpset> {
  const m = new Map<string, WrittenIpset>();
  IPSET_INFO.forEach((i, n) => {
    m.set(i.name, new WrittenIpset(i, expected?.[n] ?? 0));
  });
  return m;
}

/** How many members a set has (a written set counts them without making their text). */
export function memberCount(s: IpsetSet): number {
  return s instanceof WrittenIpset ? s.size : s.members.length;
}

/** A protocol as ipset writes it in an entry (`tcp`). */
export const PROTOCOL_WORD: Readonly<Record<Protocol, string>> = { TCP: "tcp", UDP: "udp", SCTP: "sctp" };

/** The protocol word of an entry (a protocol outside the table is lower-cased as it is). */
export function protocolWord(proto: Protocol): string {
  return Object.hasOwn(PROTOCOL_WORD, proto) ? PROTOCOL_WORD[proto] : proto.toLowerCase();
}

/** What follows the address in an `ip,proto:port` entry: `,tcp:443`. */
export function ipPortTail(proto: Protocol, port: number): string {
  return `,${protocolWord(proto)}:${port}`;
}

/** `10.96.0.1,tcp:443`. */
export function ipPortEntry(ip: string, proto: Protocol, port: number): string {
  return ip + ipPortTail(proto, port);
}

/** The members of a set as a Set (the one kept on the set, else a new one kept there). */
export function memberSet(s: IpsetSet): ReadonlySet<string> {
  const known = s.memberSet;
  if (known && known.size === s.members.length) return known;
  s.memberSet = new Set(s.members);
  return s.memberSet;
}

/** What a `--match-set NAME dirs` test reads from the packet. */
export interface SetProbe {
  src: string;
  dst: string;
  dport: number;
  proto: Protocol;
}

function pick(p: SetProbe, d: "src" | "dst"): string {
  return d === "src" ? p.src : p.dst;
}

/** A protocol's code in a set key (SET_PROTOCOLS' order). */
const PROTO_IN_KEY: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

/**
 * Membership index: each exact-typed set as an integer-keyed table
 * (setTable.ts), plus the net-typed entries (CIDR members) kept by
 * `ip,proto:port` prefix.
 */
export class IpsetIndex {
  private readonly tables = new Map<string, SetTable>();
  private readonly nets = new Map<string, Map<string, Cidr[]>>();
  /** The last two addresses read from a probe (a packet's source and destination), as text and number. */
  private lastA = "";
  private lastANum: number | undefined;
  private lastB = "";
  private lastBNum: number | undefined;

  constructor(sets: Iterable<IpsetSet>) {
    for (const s of sets) {
      if (s.type === "hash:ip,port,net") {
        const byPrefix = new Map<string, Cidr[]>();
        for (const m of s.members) {
          const i = m.lastIndexOf(",");
          const net = parseCidrOrAddress(m.slice(i + 1));
          if (!net) continue;
          const prefix = m.slice(0, i);
          const list = byPrefix.get(prefix) ?? [];
          list.push(net);
          byPrefix.set(prefix, list);
        }
        this.nets.set(s.name, byPrefix);
      } else {
        // The writer's table holds the members when it holds as many (they are distinct).
        const built = s.table;
        this.tables.set(
          s.name,
          built && built.size === memberCount(s) ? built : SetTable.fromText(s.type, memberSet(s)),
        );
      }
    }
  }

  /** An address of the probe as a number (the last two are kept: one packet asks for the same ones). */
  private address(ip: string): number | undefined {
    if (ip === this.lastA) return this.lastANum;
    if (ip === this.lastB) return this.lastBNum;
    const n = ipToNumber(ip);
    this.lastB = this.lastA;
    this.lastBNum = this.lastANum;
    this.lastA = ip;
    this.lastANum = n;
    return n;
  }

  /** One hash lookup: does the packet match `--match-set name dirs`? */
  test(name: string, dirs: readonly ("src" | "dst")[], p: SetProbe): boolean {
    const net = this.nets.get(name);
    if (net) {
      const cidrs = net.get(`${pick(p, dirs[0] ?? "dst")},${PROTOCOL_WORD[p.proto]}:${p.dport}`);
      if (!cidrs) return false;
      const ip = ipToNumber(pick(p, dirs[2] ?? "src"));
      return ip !== undefined && cidrs.some((c) => cidrContains(c, ip));
    }
    const table = this.tables.get(name);
    if (!table) return false;
    const type = TYPE_BY_NAME.get(name);
    if (type === "bitmap:port") {
      return isPort(p.dport) ? table.has(p.dport, 0, 0) : table.text.has(String(p.dport));
    }
    // A probe the table's integer keys cannot stand for is looked up as the text ipset would compare.
    const ip = this.address(pick(p, dirs[0] ?? "dst"));
    if (type === "hash:ip")
      return ip === undefined ? table.text.has(pick(p, dirs[0] ?? "dst")) : table.has(ip | 0, 0, 0);
    const proto = PROTO_IN_KEY[p.proto];
    if (ip === undefined || proto === undefined || !isPort(p.dport))
      return table.text.has(this.key(name, dirs, p));
    const portProto = p.dport * 4 + proto;
    if (type === "hash:ip,port") return table.has(ip | 0, portProto, 0);
    if (type !== "hash:ip,port,ip") return false;
    const ip2 = this.address(pick(p, dirs[2] ?? "src"));
    if (ip2 === undefined) return table.text.has(this.key(name, dirs, p));
    return table.has(ip | 0, portProto, ip2 | 0);
  }

  /** The entry a `--match-set name dirs` test looks for, as `ipset list` writes members. */
  key(name: string, dirs: readonly ("src" | "dst")[], p: SetProbe): string {
    const ipPort = `${pick(p, dirs[0] ?? "dst")},${PROTOCOL_WORD[p.proto]}:${p.dport}`;
    switch (TYPE_BY_NAME.get(name)) {
      case "bitmap:port":
        return String(p.dport);
      case "hash:ip":
        return pick(p, dirs[0] ?? "dst");
      case "hash:ip,port,ip":
      case "hash:ip,port,net":
        return `${ipPort},${pick(p, dirs[2] ?? "src")}`;
      default:
        return ipPort;
    }
  }

  isEmpty(name: string): boolean {
    const net = this.nets.get(name);
    if (net) return net.size === 0;
    return (this.tables.get(name)?.size ?? 0) === 0;
  }
}
