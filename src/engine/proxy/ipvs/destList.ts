/**
 * The real servers kube-proxy wants for a virtual server, in the order it
 * adds them: each endpoint's address, port and node, kept in one flat list
 * (a service port's virtual servers share it until the Service changes),
 * not as one object per endpoint.
 */
import type { EndpointInfo } from "../endpoints";

/** Endpoints as a flat list: address, port and node name in turn. */
export class DestList {
  /** The empty list (shared). */
  static readonly none: DestList = new DestList([]);
  readonly length: number;

  private constructor(private readonly words: readonly (string | number | undefined)[]) {
    this.length = words.length / 3;
  }

  /** The list of `eps`, in their order. */
  static of(eps: readonly Pick<EndpointInfo, "ip" | "port" | "nodeName">[]): DestList {
    if (eps.length === 0) return DestList.none;
    const words = new Array<string | number | undefined>(eps.length * 3);
    for (let i = 0; i < eps.length; i++) {
      const e = eps[i]!;
      words[i * 3] = e.ip;
      words[i * 3 + 1] = e.port;
      words[i * 3 + 2] = e.nodeName;
    }
    return new DestList(words);
  }

  ip(i: number): string {
    return this.words[i * 3] as string;
  }

  port(i: number): number {
    return this.words[i * 3 + 1] as number;
  }

  nodeName(i: number): string | undefined {
    return this.words[i * 3 + 2] as string | undefined;
  }

  /** `ip:port`, the real server's key. */
  str(i: number): string {
    return `${this.ip(i)}:${this.port(i)}`;
  }
}
