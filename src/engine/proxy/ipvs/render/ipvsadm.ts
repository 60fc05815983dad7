/**
 * `ipvsadm -L` output, as ipvsadm 1.31 (ipvsadm.c print_title /
 * print_service_entry / print_conn) prints it, with libipvs' sorting.
 */
import { ipToNumber } from "../../../api/ipv4";
import type { IpvsConn, IpvsStats, RealServer, VirtualServer } from "../model";

/** The first line of a full listing (kernel IPVS 1.2.1, 2^12 connection hash buckets). */
export const IPVS_VERSION_LINE = "IP Virtual Server version 1.2.1 (size=4096)";

export interface IpvsadmListOptions {
  numeric: boolean;
  stats?: boolean;
  rate?: boolean;
  /** `-t/-u VIP:PORT`: only this service, without the version line. */
  only?: VirtualServer;
}

const PROTO_NUM: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };
/** getservbyport() for the ports a Kubernetes listing meets (Debian /etc/services). */
const SERVICES: Record<number, string> = { 53: "domain", 80: "http", 443: "https", 8080: "http-alt" };

function addrPort(ip: string, port: number, numeric: boolean): string {
  return `${ip}:${numeric ? port : (SERVICES[port] ?? port)}`;
}

/**
 * libipvs' address comparison: it subtracts two unsigned addresses and reads
 * the difference as a signed int, so it wraps (a `172.x` or `192.168.x`
 * service sorts before `10.96.x`).
 */
function libipvsAddrCompare(a: string, b: string): number {
  return ((ipToNumber(a) ?? 0) - (ipToNumber(b) ?? 0)) | 0;
}

/** libipvs ipvs_cmp_services (no fwmark, one family): protocol, address (wrapping), port. */
export function sortServices(list: readonly VirtualServer[]): VirtualServer[] {
  return [...list].sort(
    (a, b) =>
      (PROTO_NUM[a.proto] ?? 0) - (PROTO_NUM[b.proto] ?? 0) ||
      libipvsAddrCompare(a.ip, b.ip) ||
      a.port - b.port,
  );
}

/** libipvs ipvs_cmp_dests: address (wrapping), then port. */
export function sortDests(list: readonly RealServer[]): RealServer[] {
  return [...list].sort((a, b) => libipvsAddrCompare(a.ip, b.ip) || a.port - b.port);
}

/** print_largenum without --exact. */
function largenum(i: number): string {
  if (i < 100000000) return String(i).padStart(9);
  if (i < 1000000000) return `${String(Math.floor(i / 1000)).padStart(8)}K`;
  if (i < 100000000000) return `${String(Math.floor(i / 1000000)).padStart(8)}M`;
  return `${String(Math.floor(i / 1000000000)).padStart(8)}G`;
}

function title(o: IpvsadmListOptions): string {
  const head = "Prot LocalAddress:Port".padEnd(33);
  const cols = (names: string[]): string =>
    `${head} ${names.map((n) => n.padStart(8)).join(" ")}\n  -> RemoteAddress:Port\n`;
  if (o.stats) return cols(["Conns", "InPkts", "OutPkts", "InBytes", "OutBytes"]);
  if (o.rate) return cols(["CPS", "InPPS", "OutPPS", "InBPS", "OutBPS"]);
  return "Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";
}

const statCols = (s: IpvsStats): string =>
  [s.conns, s.inPkts, s.outPkts, s.inBytes, s.outBytes].map(largenum).join("");

function serviceBlock(vs: VirtualServer, o: IpvsadmListOptions): string {
  const name = `${vs.proto.padEnd(4)} ${addrPort(vs.ip, vs.port, o.numeric)}`.slice(0, 33);
  let out: string;
  if (o.stats) out = `${name.padEnd(33)}${statCols(vs.stats)}\n`;
  // NOTE: rates come from the kernel's 2-second estimator; the simulation has none, so they read 0.
  else if (o.rate) out = `${name.padEnd(33)}${[0, 0, 0, 0, 0].map(largenum).join("")}\n`;
  else {
    out = `${name} ${vs.scheduler}`;
    if (vs.schedFlags.length) out += ` (${vs.schedFlags.join(",")})`;
    if (vs.persistentTimeout !== undefined) out += ` persistent ${vs.persistentTimeout}`;
    out += "\n";
  }
  for (const d of sortDests(vs.dests)) {
    const dname = addrPort(d.ip, d.port, o.numeric).slice(0, 28).padEnd(28);
    if (o.stats) out += `  -> ${dname}${statCols(d.stats)}\n`;
    else if (o.rate)
      out += `  -> ${dname} ${"0".padStart(8)} ${"0".padStart(8)} ${"0".padStart(8)}${largenum(0)}${largenum(0)}\n`;
    else
      out += `  -> ${dname} ${"Masq".padEnd(7)} ${String(d.weight).padEnd(6)} ${String(d.activeConns).padEnd(10)} ${String(d.inactConns).padEnd(10)}\n`;
  }
  return out;
}

/** `ipvsadm -L[n] [--stats|--rate] [-t VIP:PORT]`. */
export function renderIpvsadmList(services: Iterable<VirtualServer>, o: IpvsadmListOptions): string {
  if (o.only) return title(o) + serviceBlock(o.only, o);
  let out = `${IPVS_VERSION_LINE}\n${title(o)}`;
  for (const vs of sortServices([...services])) out += serviceBlock(vs, o);
  return out;
}

/** `ipvsadm -Lc[n]`: the connection table (print_conn), expiry as mm:ss. */
export function renderIpvsadmConnections(
  conns: readonly IpvsConn[],
  nowMs: number,
  numeric: boolean,
): string {
  let out = `IPVS connection entries\npro expire ${"state".padEnd(11)} ${"source".padEnd(18)} ${"virtual".padEnd(18)} destination\n`;
  for (const c of conns) {
    const secs = Math.max(0, Math.floor((c.expiresAt - nowMs) / 1000));
    const expire = `${String(Math.floor(secs / 60)).padStart(2, "0")}:${String(secs % 60).padStart(2, "0")}`;
    out += `${c.proto.padEnd(3)} ${expire.padEnd(6)} ${c.state.padEnd(11)} ${addrPort(c.caddr, c.cport, numeric).padEnd(18)} ${addrPort(c.vaddr, c.vport, numeric).padEnd(18)} ${addrPort(c.daddr, c.dport, numeric)}\n`;
  }
  return out;
}
