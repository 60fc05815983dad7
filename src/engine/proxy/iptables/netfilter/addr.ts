/** IPv4 addresses as unsigned 32-bit numbers, the way netfilter compares them. */
import { ipToNumber } from "../../../api/ipv4";

/** Dotted quad to number; undefined when the text is not an IPv4 address (the API server's parser). */
export const parseIPv4 = ipToNumber;

export function formatIPv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Netmask for a prefix length, unsigned. */
export function prefixMask(prefix: number): number {
  return prefix <= 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `a.b.c.d[/len]` (or a dotted mask) to a masked network; undefined if malformed. */
export function parseCidr(text: string): { addr: number; mask: number; prefix: number } | undefined {
  const slash = text.indexOf("/");
  const ip = parseIPv4(slash < 0 ? text : text.slice(0, slash));
  if (ip === undefined) return undefined;
  let prefix = 32;
  if (slash >= 0) {
    const m = text.slice(slash + 1);
    if (/^\d{1,2}$/.test(m)) {
      prefix = Number(m);
      if (prefix > 32) return undefined;
    } else {
      const dotted = parseIPv4(m);
      if (dotted === undefined) return undefined;
      prefix = dotted === 0 ? 0 : 32 - Math.log2((~dotted >>> 0) + 1);
    }
  }
  const mask = prefixMask(prefix);
  return { addr: (ip & mask) >>> 0, mask, prefix };
}

/** True if `ip` lies in `cidr`. */
export function cidrContains(cidr: string, ip: string): boolean {
  const net = parseCidr(cidr.trim());
  const a = parseIPv4(ip);
  return net !== undefined && a !== undefined && (a & net.mask) >>> 0 === net.addr;
}
