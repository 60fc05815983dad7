/**
 * What each extension's print() shows in `iptables -L` (`extensions/libxt_*.c`):
 * ` /* comment *\/`, ` tcp dpt:80`, ` ADDRTYPE match dst-type LOCAL`,
 * ` statistic mode random probability 0.50000000000`, ` to:10.244.1.5:80`, ...
 */
import { numberToIp } from "../../../api/ipv4";
import { formatProbability, hex, markText } from "./saveText";
import type { Match, PortRange, Target } from "./types";

/**
 * A few `/etc/services` names, for listings without `-n`.
 * NOTE: the real tool asks getservbyport() for every port.
 */
const SERVICES: Record<number, string> = {
  21: "ftp",
  22: "ssh",
  25: "smtp",
  53: "domain",
  80: "http",
  123: "ntp",
  443: "https",
  3306: "mysql",
  5432: "postgresql",
  8080: "http-alt",
};

function portText(port: number, numeric: boolean): string {
  return (!numeric && SERVICES[port]) || String(port);
}

function printPorts(name: string, r: PortRange | undefined, numeric: boolean): string {
  if (!r || (r.min === 0 && r.max === 65535 && !r.invert)) return "";
  const inv = r.invert ? "!" : "";
  if (r.min === r.max) return ` ${name}:${inv}${portText(r.min, numeric)}`;
  return ` ${name}s:${inv}${portText(r.min, numeric)}:${portText(r.max, numeric)}`;
}

/** One match as `iptables -L` prints it. */
export function printMatch(m: Match, numeric: boolean): string {
  switch (m.name) {
    case "comment":
      return ` /* ${m.comment} */`;
    case "tcp":
    case "udp":
    case "sctp":
      return ` ${m.name}${printPorts("spt", m.sport, numeric)}${printPorts("dpt", m.dport, numeric)}`;
    case "addrtype":
      return (
        " ADDRTYPE match" +
        (m.srcType ? ` src-type ${m.srcType.invert ? "!" : ""}${m.srcType.type}` : "") +
        (m.dstType ? ` dst-type ${m.dstType.invert ? "!" : ""}${m.dstType.type}` : "")
      );
    case "statistic":
      return ` statistic mode random${m.invert ? " !" : ""} probability ${formatProbability(m.threshold)}`;
    case "recent":
      return (
        `${m.invert ? " !" : ""} recent: ${m.command === "rcheck" ? "CHECK" : m.command.toUpperCase()}` +
        (m.seconds ? ` seconds: ${m.seconds}` : "") +
        (m.reap ? " reap" : "") +
        (m.hitcount ? ` hit_count: ${m.hitcount}` : "") +
        ` name: ${m.listName} side: ${m.side === "source" ? "source" : "dest"} mask: ${numberToIp(m.mask)}`
      );
    case "mark":
      return ` mark match${m.invert ? " !" : ""} ${markText(m.value, m.mask)}`;
    case "conntrack":
      return `${m.invert ? " !" : ""} ctstate ${m.states.join(",")}`;
    case "nfacct":
      return ` nfacct-name  ${m.nfacctName}`;
    case "set":
      return ` ${m.invert ? "! " : ""}match-set ${m.setName} ${m.flags.join(",")}`;
    case "physdev":
      return ` PHYSDEV match${m.isIn ? `${m.isIn.invert ? " !" : ""} --physdev-is-in` : ""}`;
  }
}

/** A target's print() text (nothing for verdicts and chain jumps). */
export function printTarget(t: Target | undefined): string {
  if (!t) return "";
  switch (t.name) {
    case "DNAT":
    case "SNAT":
      return ` to:${t.port === undefined ? t.ip : `${t.ip}:${t.port}`}`;
    case "MASQUERADE":
      return (
        (t.toPorts ? ` masq ports: ${t.toPorts}` : "") +
        (t.random ? " random" : "") +
        (t.randomFully ? " random-fully" : "")
      );
    case "MARK":
      if (t.value === 0) return ` MARK and ${hex(~t.mask >>> 0)}`;
      if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
      if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
      if (t.mask === 0xffffffff) return ` MARK set ${hex(t.value)}`;
      return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
    case "REJECT":
      return ` reject-with ${t.rejectWith}`;
    default:
      return "";
  }
}
