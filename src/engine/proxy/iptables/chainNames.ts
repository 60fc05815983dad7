/**
 * kube-proxy's hashed chain names (`pkg/proxy/iptables/proxier.go`,
 * `servicePortChainNameBase` / `servicePortEndpointChainNameBase`):
 * base32(sha256(servicePortName + protocol [+ endpoint]))[:16].
 */
import { Sha256 } from "../../util/sha256";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HASH_CHARS = 16;

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
  /** The last hash's 16 base32 characters, as char codes. */
  private readonly h: number[] = new Array<number>(HASH_CHARS).fill(0);

  /** RFC 4648 standard base32 of the digest, first 16 characters (from the first 10 bytes). */
  hashBase32(input: string): string {
    this.hash(input);
    return this.named("");
  }

  /** The four per-service-port chain names; their 16-character suffix is shared. */
  servicePortChains(servicePortName: string, protocol: string): ServicePortChains {
    this.hash(servicePortName, protocol.toLowerCase());
    return {
      svc: this.named("KUBE-SVC-"),
      svl: this.named("KUBE-SVL-"),
      ext: this.named("KUBE-EXT-"),
      fw: this.named("KUBE-FW-"),
    };
  }

  /**
   * `KUBE-SEP-…` names of one service port's endpoints (`ip:port`, IPv6 as
   * `[addr]:port`): the port's part of the hashed text is built once, not per endpoint.
   */
  endpointChainNamer(servicePortName: string, protocol: string): (endpoint: string) => string {
    const head = servicePortName + protocol.toLowerCase();
    return (endpoint) => {
      this.hash(head, endpoint);
      return this.named("KUBE-SEP-");
    };
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
    // Joined, not concatenated: one flat string, read ten times over.
    const head = [servicePortName, protocol.toLowerCase()].join("");
    const out = new Array<string>(eps.length);
    let port = -1;
    let suffix = "";
    for (let i = 0; i < eps.length; i++) {
      const ep = eps[i]!;
      if (ep.port !== port) {
        port = ep.port;
        suffix = `:${port}`;
      }
      this.hash(head, ep.ip, suffix);
      out[i] = this.named("KUBE-SEP-");
    }
    return out;
  }

  /** Hashes `head + tail + end` into `h`: the first 80 bits of the digest as 16 five-bit groups. */
  private hash(head: string, tail = "", end = ""): void {
    const d = this.sha.words32(head, tail, end);
    const h = this.h;
    // 32 + 32 + 16 bits, in three steps.
    const w0 = d[0]!;
    const w1 = d[1]!;
    const w2 = d[2]! >>> 16;
    let k = 0;
    for (let s = 27; s >= 0; s -= 5) h[k++] = BASE32.charCodeAt((w0 >>> s) & 31);
    // Bits 30-34: the last two of w0, the first three of w1.
    h[k++] = BASE32.charCodeAt(((w0 & 3) << 3) | (w1 >>> 29));
    for (let s = 24; s >= 0; s -= 5) h[k++] = BASE32.charCodeAt((w1 >>> s) & 31);
    // Bits 60-64: the last four of w1, the first of w2.
    h[k++] = BASE32.charCodeAt(((w1 & 15) << 1) | (w2 >>> 15));
    for (let s = 10; s >= 0; s -= 5) h[k++] = BASE32.charCodeAt((w2 >>> s) & 31);
  }

  /**
   * `prefix` + the last hash, made as one flat string by one `fromCharCode`
   * with the codes as arguments (kube-proxy's prefixes are 8 or 9 characters).
   */
  private named(prefix: string): string {
    const h = this.h;
    if (prefix.length === 9)
      return String.fromCharCode(
        prefix.charCodeAt(0),
        prefix.charCodeAt(1),
        prefix.charCodeAt(2),
        prefix.charCodeAt(3),
        prefix.charCodeAt(4),
        prefix.charCodeAt(5),
        prefix.charCodeAt(6),
        prefix.charCodeAt(7),
        prefix.charCodeAt(8),
        h[0]!,
        h[1]!,
        h[2]!,
        h[3]!,
        h[4]!,
        h[5]!,
        h[6]!,
        h[7]!,
        h[8]!,
        h[9]!,
        h[10]!,
        h[11]!,
        h[12]!,
        h[13]!,
        h[14]!,
        h[15]!,
      );
    if (prefix.length === 8)
      return String.fromCharCode(
        prefix.charCodeAt(0),
        prefix.charCodeAt(1),
        prefix.charCodeAt(2),
        prefix.charCodeAt(3),
        prefix.charCodeAt(4),
        prefix.charCodeAt(5),
        prefix.charCodeAt(6),
        prefix.charCodeAt(7),
        h[0]!,
        h[1]!,
        h[2]!,
        h[3]!,
        h[4]!,
        h[5]!,
        h[6]!,
        h[7]!,
        h[8]!,
        h[9]!,
        h[10]!,
        h[11]!,
        h[12]!,
        h[13]!,
        h[14]!,
        h[15]!,
      );
    return prefix + String.fromCharCode(...h);
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
