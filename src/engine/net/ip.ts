/**
 * IPv4 arithmetic on dotted-quad strings: just enough for routing and
 * address checks without allocating per packet.
 */

/** `10.244.1.5` → 0x0af40105; NaN when not a dotted quad. */
export function ipToInt(ip: string): number {
  const parts = ip.split(".");
  if (parts.length !== 4) return Number.NaN;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return Number.NaN;
    const v = Number(p);
    if (v > 255) return Number.NaN;
    n = n * 256 + v;
  }
  return n;
}

export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

export function isIPv4(s: string): boolean {
  return !Number.isNaN(ipToInt(s));
}

/** A parsed IPv4 prefix. */
export interface Cidr {
  network: number;
  bits: number;
}

export function parseCidr(cidr: string): Cidr | undefined {
  const [ip, len] = cidr.split("/");
  const n = ipToInt(ip ?? "");
  const bits = Number(len);
  if (Number.isNaN(n) || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  return { network: (n & maskOf(bits)) >>> 0, bits };
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return !Number.isNaN(n) && (n & maskOf(cidr.bits)) >>> 0 === cidr.network;
}

/** `10.244.1.0/24` → `10.244.1.1`: the first host address (the bridge's gateway). */
export function firstHost(cidr: Cidr): string {
  return intToIp(cidr.network + 1);
}

/** The broadcast address of a prefix. */
export function broadcast(cidr: Cidr): string {
  return intToIp((cidr.network | (~maskOf(cidr.bits) >>> 0)) >>> 0);
}

export function formatCidr(cidr: Cidr): string {
  return `${intToIp(cidr.network)}/${cidr.bits}`;
}

/** FNV-1a, for stable pseudo-random names (veth names, MACs) derived from a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
