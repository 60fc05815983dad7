/** IPv4 helpers over ipaddr.js: addresses as unsigned 32-bit numbers. */
import ipaddr from "ipaddr.js";

/** Parses a dotted IPv4 address; undefined when it is not one. */
export function ipToNumber(ip: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return undefined;
  const b = ipaddr.IPv4.parse(ip).octets;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

export function numberToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** An IPv4 CIDR as [network, size]; undefined when it is not one. */
export function parseCidr(cidr: string): { network: number; size: number; prefix: number } | undefined {
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr)) return undefined;
  const [addr, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const size = 2 ** (32 - prefix);
  const ip = ipToNumber(addr.toString())!;
  const network = prefix === 0 ? 0 : (ip - (ip % size)) >>> 0;
  return { network, size, prefix };
}

/** Whether `ip` is a valid IPv4 or IPv6 address (`net.ParseIP`). */
export function isIp(ip: string): boolean {
  return ipaddr.isValid(ip) && (ipaddr.IPv4.isValidFourPartDecimal(ip) || ipaddr.IPv6.isValid(ip));
}
