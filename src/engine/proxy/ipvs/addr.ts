/** IPv4 helpers for the IPVS model: addresses as unsigned 32-bit numbers. */

/** `10.96.0.1` → 0x0a600001 (host order, unsigned); 0 when not four dot-separated parts. */
export function ipToU32(ip: string): number {
  const parts = [0, 0, 0, 0];
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (++dots > 3) return 0;
    } else if (c >= 48 && c <= 57) {
      parts[dots] = parts[dots]! * 10 + (c - 48);
    } else {
      return ipToU32Slow(ip);
    }
  }
  if (dots !== 3) return 0;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** The general parse (Number() of each part), for text with other characters than digits and dots. */
function ipToU32Slow(ip: string): number {
  const p = ip.split(".");
  if (p.length !== 4) return 0;
  return ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
}

export function u32ToIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

const parsedCidrs = new Map<string, { base: number; mask: number; all: boolean }>();

function parseCidrText(cidr: string): { base: number; mask: number; all: boolean } {
  let c = parsedCidrs.get(cidr);
  if (!c) {
    const [base, lenText] = cidr.split("/");
    const len = lenText === undefined ? 32 : Number(lenText);
    const mask = len === 32 ? 0xffffffff : ~(0xffffffff >>> len) >>> 0;
    c = { base: (ipToU32(base ?? "") & mask) >>> 0, mask, all: len === 0 };
    parsedCidrs.set(cidr, c);
  }
  return c;
}

/** Is `ip` inside `cidr` (`10.244.0.0/16`; a bare address means /32)? */
export function inCidr(ip: string, cidr: string): boolean {
  const c = parseCidrText(cidr);
  if (c.all) return true;
  return (ipToU32(ip) & c.mask) >>> 0 === c.base;
}

/** Is this a dotted-quad IPv4 address? */
export function isIPv4(ip: string | undefined): ip is string {
  return typeof ip === "string" && /^\d{1,3}(\.\d{1,3}){3}$/.test(ip);
}

/**
 * libipvs' address comparison for `ipvsadm -L` sorting: it subtracts two
 * unsigned addresses and reads the difference as a signed int, so it wraps
 * (a `172.x` or `192.168.x` service sorts before `10.96.x`).
 */
export function libipvsAddrCompare(a: string, b: string): number {
  return (ipToU32(a) - ipToU32(b)) | 0;
}
