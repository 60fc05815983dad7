/**
 * The few IPv4 helpers the nftables data plane needs, on numbers so a
 * packet's walk allocates nothing.
 */
import { ipToNumber } from "../../api/ipv4";
import type { Cidr } from "./model";

/** `10.244.1.5` → 0x0af40105 (unsigned); NaN when not a dotted quad. */
export function ipToInt(ip: string): number {
  return ipToNumber(ip) ?? Number.NaN;
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Parses `10.0.0.0/8` (surrounding spaces allowed, as kube-proxy trims them) or a bare address (/32). */
export function parseCidr(text: string): Cidr | undefined {
  const [ip, len] = text.trim().split("/");
  const n = ipToInt(ip ?? "");
  const bits = len === undefined ? 32 : Number(len);
  if (Number.isNaN(n) || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  return { network: (n & maskOf(bits)) >>> 0, bits };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return (ip & maskOf(cidr.bits)) >>> 0 === cidr.network;
}

/** As nft prints a prefix: a host address without `/32`. */
export function formatCidr(cidr: Cidr): string {
  return cidr.bits === 32 ? intToIp(cidr.network) : `${intToIp(cidr.network)}/${cidr.bits}`;
}
