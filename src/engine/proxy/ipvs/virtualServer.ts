/**
 * A virtual server as a node's IPVS data plane keeps it. A virtual server
 * whose real servers kube-proxy has just added, and nothing has touched
 * since, holds the endpoints it added and makes their real servers when
 * something first reads `dests` (a packet, `ipvsadm`, a sync that changes
 * them): every reader sees the list the adds left, and a build at 10,000
 * Services does not make 100,000 real servers no packet reaches.
 */
import type { IpvsScheduler } from "../../api/configTypes";
import type { Protocol } from "../../net/types";
import { DestList } from "./destList";
import {
  type IpvsStats,
  NO_STATS,
  type RealServer,
  type VirtualServer,
  type VirtualServerKind,
} from "./model";
import type { DesiredVS } from "./shareWriter";

/** The real server kube-proxy adds for endpoint `i` of `list` (weight 1, no connections). */
export function newRealServer(list: DestList, i: number, node: string): RealServer {
  return {
    key: list.str(i),
    ip: list.ip(i),
    port: list.port(i),
    weight: 1,
    lastWeight: 1,
    activeConns: 0,
    inactConns: 0,
    persistConns: 0,
    stats: NO_STATS,
    local: list.nodeName(i) === node,
  };
}

/** A virtual server of the kernel's table, its real servers made when first read. */
export class KernelVirtualServer implements VirtualServer {
  readonly key: string;
  readonly proto: Protocol;
  readonly ip: string;
  readonly port: number;
  scheduler: IpvsScheduler;
  schedFlags: string[];
  persistentTimeout: number | undefined;
  stats: IpvsStats = NO_STATS;
  readonly kind: VirtualServerKind;
  servicePortName: string;
  /** The node it runs on (a real server there is `local`). */
  readonly #node: string;
  /** The real servers, once made (undefined while `#added`, at first the empty list, stands for them). */
  #dests: RealServer[] | undefined = undefined;
  /** The endpoints added to the empty server, in add order, until their real servers are made. */
  #added: DestList = DestList.none;

  constructor(d: DesiredVS, node: string) {
    this.key = d.key;
    this.proto = d.proto;
    this.ip = d.ip;
    this.port = d.port;
    this.scheduler = d.scheduler;
    this.schedFlags = d.schedFlags;
    this.persistentTimeout = d.persistentTimeout;
    this.kind = d.kind;
    this.servicePortName = d.servicePortName;
    this.#node = node;
  }

  /** In the kernel's list order: each add goes to the head, so the reverse of the add order. */
  get dests(): RealServer[] {
    if (this.#dests === undefined) {
      const added = this.#added;
      const n = added.length;
      const dests = new Array<RealServer>(n);
      for (let i = 0; i < n; i++) dests[n - 1 - i] = newRealServer(added, i, this.#node);
      this.#dests = dests;
      this.#added = DestList.none;
    }
    return this.#dests;
  }

  set dests(list: RealServer[]) {
    this.#dests = list;
    this.#added = DestList.none;
  }

  get destCount(): number {
    return this.#dests === undefined ? this.#added.length : this.#dests.length;
  }

  hasDraining(): boolean {
    const dests = this.#dests;
    if (dests === undefined) return false;
    for (let i = 0; i < dests.length; i++) if (dests[i]!.weight === 0) return true;
    return false;
  }

  /** Adds `want` (in kube-proxy's order) to a server without real servers; made when first read. */
  addToEmpty(want: DestList): void {
    if (this.destCount !== 0) throw new Error(`virtual server ${this.key} has real servers`);
    this.#dests = undefined;
    this.#added = want;
  }

  /** Its real servers are what adding `want` to the empty server left, none made yet (nothing touched them). */
  holdsAdded(want: DestList): boolean {
    return this.#dests === undefined && this.#added === want;
  }
}
