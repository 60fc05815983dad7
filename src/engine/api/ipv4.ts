/**
 * IPv4 addresses and prefixes, the one module the engine parses and prints
 * them with. Addresses are unsigned 32-bit numbers branded `IPv4`, so a
 * number that did not come from the parser (or from arithmetic on a parsed
 * address) cannot be passed where an address is meant.
 *
 * Parsing follows Go's `net.ParseIP` / `net.ParseCIDR` as the API server
 * runs them: four decimal octets, no leading zeros (`010` is refused), no
 * spaces, a prefix length of at most 32.
 */
declare const ipv4Brand: unique symbol;

/** An IPv4 address as an unsigned 32-bit number (host order). */
export type IPv4 = number & { readonly [ipv4Brand]: true };

/** An IPv4 prefix: its network address (host bits zero), length, netmask and address count. */
export interface Cidr {
  readonly network: IPv4;
  readonly prefix: number;
  /** The netmask as an unsigned number (`/24` → 0xffffff00). */
  readonly mask: number;
  /** How many addresses the prefix holds (2^(32 − prefix)). */
  readonly size: number;
}

/**
 * Parses a dotted IPv4 address: four decimal octets without leading zeros,
 * as Go's `net.ParseIP` takes them; undefined when it is not one. By hand,
 * without allocating: the API server parses every Service's IPs and the data
 * planes every endpoint's.
 */
export function ipToNumber(ip: string): IPv4 | undefined {
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
  return (n * 256 + octet) as IPv4;
}

/** Dotted-quad text of an address (any unsigned 32-bit number). */
export function numberToIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Whether `text` is an IPv4 address by `ipToNumber`'s rules. */
export function isIPv4(text: string | undefined): text is string {
  return text !== undefined && ipToNumber(text) !== undefined;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Whether `text` is an IPv6 address as Go's `net.ParseIP` reads one
 * (netip's `parseIPv6`, no zone): up to eight groups of one to four hex
 * digits, one `::` standing for at least one zero group, and a dotted
 * IPv4 address (by `ipToNumber`'s rules) in place of the last two groups.
 */
export function isIPv6(text: string): boolean {
  if (!text.includes(":")) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groupsOf = (part: string): string[] | undefined => (part === "" ? [] : part.split(":"));
  const head = groupsOf(halves[0] as string);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let groups = all.length;
  const last = all.at(-1);
  // A dotted IPv4 address can only end the text.
  if (last?.includes(".") && (halves.length === 1 || tail.length > 0)) {
    if (ipToNumber(last) === undefined) return false;
    all.pop();
    groups += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? groups < 8 : groups === 8;
}

/** Whether `ip` is a valid IPv4 or IPv6 address (`net.ParseIP`). */
export function isIp(ip: string): boolean {
  return ipToNumber(ip) !== undefined || isIPv6(ip);
}

/** The address `n` after `ip` (negative: before), wrapping within 32 bits. */
export function addToIp(ip: IPv4, n: number): IPv4 {
  return ((ip + n) >>> 0) as IPv4;
}

/** The netmask of a prefix length, unsigned (`24` → 0xffffff00). */
export function prefixMask(prefix: number): number {
  return prefix <= 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The prefix of `ip`/`prefix` with the host bits cleared. */
export function cidrOf(ip: IPv4, prefix: number): Cidr {
  const mask = prefixMask(prefix);
  return { network: ((ip & mask) >>> 0) as IPv4, prefix, mask, size: 2 ** (32 - prefix) };
}

/**
 * Parses `a.b.c.d/n` as Go's `net.ParseCIDR` does (the network is the
 * address with its host bits cleared); undefined when it is not one.
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const ip = ipToNumber(text.slice(0, slash));
  const prefix = prefixLength(text, slash + 1);
  return ip === undefined || prefix === undefined ? undefined : cidrOf(ip, prefix);
}

/** `parseCidr`, or a bare address as its /32 (how iptables, nft and ipset read an address). */
export function parseCidrOrAddress(text: string): Cidr | undefined {
  if (text.includes("/")) return parseCidr(text);
  const ip = ipToNumber(text);
  return ip === undefined ? undefined : cidrOf(ip, 32);
}

/** Go's `dtoi` over the rest of `text` from `start`: decimal digits only, then at most 32. */
function prefixLength(text: string, start: number): number | undefined {
  if (start >= text.length) return undefined;
  let n = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
    if (n > 32) return undefined;
  }
  return n;
}

/** Whether `ip` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, ip: IPv4): boolean {
  return (ip & cidr.mask) >>> 0 === cidr.network;
}

/** `a.b.c.d/n` text of a prefix. */
export function formatCidr(cidr: Cidr): string {
  return `${numberToIp(cidr.network)}/${cidr.prefix}`;
}

/** The last address of a prefix (its broadcast address). */
export function lastAddress(cidr: Cidr): IPv4 {
  return ((cidr.network | ~cidr.mask) >>> 0) as IPv4;
}

/**
 * Whether the address `ip` lies in the prefix `cidr`, both as text (`cidr`
 * may be a bare address, and is trimmed as kube-proxy trims the ranges it
 * reads); false when either does not parse.
 */
export function cidrTextContains(cidr: string, ip: string): boolean {
  const net = parseCidrOrAddress(cidr.trim());
  const n = ipToNumber(ip);
  return net !== undefined && n !== undefined && cidrContains(net, n);
}
