/** IPv4 helpers over ipaddr.js: addresses as unsigned 32-bit numbers. */
import ipaddr from "ipaddr.js";

/**
 * Parses a dotted IPv4 address: four decimal octets without leading zeros,
 * as Go's `net.ParseIP` takes them; undefined when it is not one. By hand:
 * the API server parses every Service's IPs, and ipaddr.js's regexes are
 * most of a Service's validation time.
 */
export function ipToNumber(ip: string): number | undefined {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      // "0" alone is an octet; "01" is not.
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return n * 256 + octet;
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
  return ipToNumber(ip) !== undefined || (ip.includes(":") && ipaddr.IPv6.isValid(ip));
}
