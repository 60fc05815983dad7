/** IPv4 arithmetic for the allocators: addresses as unsigned 32-bit numbers. */
import { ipToNumber } from "../api/ipv4";

/** Parses dotted-quad IPv4 to a uint32, or undefined (the API server's parser). */
export const parseIPv4 = ipToNumber;

/** Formats a uint32 as dotted-quad IPv4. */
export function formatIPv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** An IPv4 CIDR as its network address and prefix length. */
export interface Cidr4 {
  base: number;
  bits: number;
}

/** Parses `a.b.c.d/n` (the network address is masked), or undefined when not IPv4. */
export function parseCidr4(cidr: string): Cidr4 | undefined {
  const [ip, len] = cidr.split("/");
  const base = ip === undefined ? undefined : parseIPv4(ip);
  const bits = Number(len);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  return { base: maskOf(base, bits), bits };
}

function maskOf(ip: number, bits: number): number {
  return bits === 0 ? 0 : (ip & (~0 << (32 - bits))) >>> 0;
}

/** Number of addresses in a CIDR. */
export function cidrSize(c: Cidr4): number {
  return 2 ** (32 - c.bits);
}

/** True when `ip` lies inside the CIDR. */
export function cidrContains(c: Cidr4, ip: number): boolean {
  return maskOf(ip, c.bits) === c.base;
}

/** `a.b.c.d/n` text for a CIDR. */
export function formatCidr4(c: Cidr4): string {
  return `${formatIPv4(c.base)}/${c.bits}`;
}
