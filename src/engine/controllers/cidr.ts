/** IPv4 arithmetic for the allocators: addresses as unsigned 32-bit numbers. */

/** Parses dotted-quad IPv4 to a uint32, or undefined. */
export function parseIPv4(ip: string): number | undefined {
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
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return n * 256 + octet;
}

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
