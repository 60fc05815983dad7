/**
 * kube-proxy's hashed chain names (`pkg/proxy/iptables/proxier.go`,
 * `servicePortChainNameBase` / `servicePortEndpointChainNameBase`):
 * base32(sha256(servicePortName + protocol [+ endpoint]))[:16].
 */
import { Sha256 } from "../../util/sha256";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HASH_CHARS = 16;

/** Char codes of a name: `prefix`, then room for the hash. */
function nameCodes(prefix: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < prefix.length; i++) codes.push(prefix.charCodeAt(i));
  for (let i = 0; i < HASH_CHARS; i++) codes.push(0);
  return codes;
}

/** The four per-service-port chain names. */
export interface ServicePortChains {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

/** Names kube-proxy's hashed chains, with its own hasher and scratch (one per sync). */
export class ChainNamer {
  private readonly sha = new Sha256();
  private readonly bare = nameCodes("");
  private readonly sep = nameCodes("KUBE-SEP-");

  /** RFC 4648 standard base32 of the digest, first 16 characters (from the first 10 bytes). */
  hashBase32(input: string): string {
    return this.hashed(this.bare, input);
  }

  /** The four per-service-port chain names; their 16-character suffix is shared. */
  servicePortChains(servicePortName: string, protocol: string): ServicePortChains {
    const h = this.hashBase32(servicePortName + protocol.toLowerCase());
    return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
  }

  /**
   * `KUBE-SEP-…` names of one service port's endpoints (`ip:port`, IPv6 as
   * `[addr]:port`): the port's part of the hashed text is built once, not per endpoint.
   */
  endpointChainNamer(servicePortName: string, protocol: string): (endpoint: string) => string {
    const head = servicePortName + protocol.toLowerCase();
    return (endpoint) => this.hashed(this.sep, head, endpoint);
  }

  /**
   * The `KUBE-SEP-…` names of a port's endpoints, in their order: the same
   * as `endpointChainNamer`'s for each endpoint's `ip:port` (IPv4), hashed
   * from the port's part, the address and `:port` without joining them.
   */
  endpointChains(
    servicePortName: string,
    protocol: string,
    eps: readonly { ip: string; port: number }[],
  ): string[] {
    const head = servicePortName + protocol.toLowerCase();
    const out: string[] = [];
    let port = -1;
    let suffix = "";
    for (const ep of eps) {
      if (ep.port !== port) {
        port = ep.port;
        suffix = `:${port}`;
      }
      out.push(this.hashed(this.sep, head, ep.ip, suffix));
    }
    return out;
  }

  /**
   * `codes`' prefix + the RFC 4648 standard base32 of the digest, first 16
   * characters (from the first 10 bytes), made by one `fromCharCode` over
   * the reused array.
   */
  private hashed(codes: number[], head: string, tail = "", end = ""): string {
    const h = this.sha.words32(head, tail, end);
    // The first 80 bits as 16 five-bit groups: 32 + 32 + 16 bits, in three steps.
    const w0 = h[0]!;
    const w1 = h[1]!;
    const w2 = h[2]! >>> 16;
    let k = codes.length - HASH_CHARS;
    for (let s = 27; s >= 0; s -= 5) codes[k++] = BASE32.charCodeAt((w0 >>> s) & 31);
    // Bits 30-34: the last two of w0, the first three of w1.
    codes[k++] = BASE32.charCodeAt(((w0 & 3) << 3) | (w1 >>> 29));
    for (let s = 24; s >= 0; s -= 5) codes[k++] = BASE32.charCodeAt((w1 >>> s) & 31);
    // Bits 60-64: the last four of w1, the first of w2.
    codes[k++] = BASE32.charCodeAt(((w1 & 15) << 1) | (w2 >>> 15));
    for (let s = 10; s >= 0; s -= 5) codes[k++] = BASE32.charCodeAt((w2 >>> s) & 31);
    return String.fromCharCode(...codes);
  }
}

/** The four per-service-port chain names (a one-off; a sync uses its ChainNamer). */
export function servicePortChains(servicePortName: string, protocol: string): ServicePortChains {
  return new ChainNamer().servicePortChains(servicePortName, protocol);
}

/** `KUBE-SEP-…` for one endpoint (a one-off; a sync uses its ChainNamer). */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return new ChainNamer().endpointChainNamer(servicePortName, protocol)(endpoint);
}
