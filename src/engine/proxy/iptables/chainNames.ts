/**
 * kube-proxy's hashed chain names (`pkg/proxy/iptables/proxier.go`,
 * `servicePortChainNameBase` / `servicePortEndpointChainNameBase`):
 * base32(sha256(servicePortName + protocol [+ endpoint]))[:16].
 */
import { sha256 } from "../../util/sha256";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HASH_CHARS = 16;

/** Char codes of a name: `prefix`, then room for the hash. */
function nameCodes(prefix: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < prefix.length; i++) codes.push(prefix.charCodeAt(i));
  for (let i = 0; i < HASH_CHARS; i++) codes.push(0);
  return codes;
}

const BARE = nameCodes("");
const SEP = nameCodes("KUBE-SEP-");

/**
 * `codes`' prefix + the RFC 4648 standard base32 of the digest, first 16
 * characters (from the first 10 bytes). One `fromCharCode` over a reused
 * array makes a flat string in one step: a sync map-keys ~100,000 of these
 * names, and a `+=` chain costs about twice as much to build and to hash.
 */
function hashed(codes: number[], input: string): string {
  const d = sha256(input);
  let buffer = 0;
  let bits = 0;
  let k = codes.length - HASH_CHARS;
  for (let i = 0; i < 10; i++) {
    buffer = (buffer << 8) | d[i]!;
    bits += 8;
    while (bits >= 5) {
      codes[k++] = BASE32.charCodeAt((buffer >>> (bits - 5)) & 31);
      bits -= 5;
    }
    buffer &= 0xff;
  }
  return String.fromCharCode(...codes);
}

/** RFC 4648 standard base32 of the digest, first 16 characters (from the first 10 bytes). */
export function hashBase32(input: string): string {
  return hashed(BARE, input);
}

/** The 16-character suffix shared by a service port's SVC/SVL/EXT/FW chains. */
export function servicePortChainSuffix(servicePortName: string, protocol: string): string {
  return hashBase32(servicePortName + protocol.toLowerCase());
}

/** The four per-service-port chain names. */
export function servicePortChains(servicePortName: string, protocol: string) {
  const h = servicePortChainSuffix(servicePortName, protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** `KUBE-SEP-…` for one endpoint (`ip:port`, IPv6 as `[addr]:port`). */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return hashed(SEP, servicePortName + protocol.toLowerCase() + endpoint);
}
