/**
 * The real servers kube-proxy wants for a virtual server, in the order it
 * adds them: each endpoint's address, port and node, kept in one flat list
 * (a service port's virtual servers share it until the Service changes),
 * not as one object per endpoint.
 */
import type { EndpointSlice } from "../../api/types";
import { type EndpointInfo, endpointRoom, forEachEndpoint, type PortKey, READY } from "../endpoints";

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

  /**
   * Every endpoint of a service port (`forEachEndpoint`'s walk, in its
   * order), and whether each one is ready.
   */
  static collect(
    sp: PortKey,
    slices: readonly EndpointSlice[] | undefined,
  ): { all: DestList; allReady: boolean } {
    const room = endpointRoom(sp, slices);
    const words = new Array<string | number | undefined>(room * 3);
    let allReady = true;
    const n = forEachEndpoint(sp, slices, (ip, port, flags, nodeName, i) => {
      words[i * 3] = ip;
      words[i * 3 + 1] = port;
      words[i * 3 + 2] = nodeName;
      if ((flags & READY) === 0) allReady = false;
    });
    if (n < room) words.length = n * 3;
    return { all: n === 0 ? DestList.none : new DestList(words), allReady };
  }

  /** Those on `node`, in order (the list itself when all are). */
  onNode(node: string): DestList {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this.nodeName(i) === node) n++;
    if (n === this.length) return this;
    if (n === 0) return DestList.none;
    const words = new Array<string | number | undefined>(n * 3);
    for (let i = 0, k = 0; i < this.length; i++) {
      if (this.nodeName(i) !== node) continue;
      words[k++] = this.ip(i);
      words[k++] = this.port(i);
      words[k++] = this.nodeName(i);
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
