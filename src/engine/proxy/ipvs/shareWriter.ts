/**
 * One Service's share of the desired state (the virtual servers and ipset
 * entries its service ports add in syncProxyRules) and the writer that
 * collects it.
 */
import type { IpvsScheduler } from "../../api/configTypes";
import type { Protocol } from "../../net/types";
import type { DestList } from "./destList";
import { ipPortEntry, protocolWord, SET_NUMBER } from "./ipsets";
import { type VirtualServer, type VirtualServerKind, vsKey } from "./model";
import { addressWord, isPort, portWord } from "./setTable";

/** A virtual server kube-proxy wants: what it sets of the kernel's, with the real servers it wants. */
export interface DesiredVS
  extends Pick<
    VirtualServer,
    | "key"
    | "proto"
    | "ip"
    | "port"
    | "scheduler"
    | "schedFlags"
    | "persistentTimeout"
    | "kind"
    | "servicePortName"
  > {
  /** In the order kube-proxy adds them. */
  dests: DestList;
}

/**
 * One Service's part of the desired state, in the order kube-proxy adds
 * it: its virtual servers and its ipset entries. It binds each of its
 * virtual servers' addresses but the NodePort ones to kube-ipvs0, in turn.
 * A data plane keeps each Service's share until the change tracker reports
 * the Service changed.
 */
export interface ServiceShare {
  virtualServers: DesiredVS[];
  /** Each ipset entry as its set's number (`SET_NUMBER`) and its three key words (see SetTable.add), in turn. */
  entries: number[];
  /** The text of each entry with a NaN key word (kept as text), in entry order. */
  texts: string[];
}

/** No key word is NaN: the entry is held by its key, its text made from it (writtenIpset.ts). */
export function isKeyed(a: number, b: number, c: number): boolean {
  return !Number.isNaN(a) && !Number.isNaN(b) && !Number.isNaN(c);
}

/** An empty list every share without such entries holds (never written to). */
const NONE: never[] = [];

/** The first `n` of a work list, as a share keeps them: a list of exactly their number, the empty one shared. */
function kept<T>(list: readonly T[], n: number): T[] {
  return n === 0 ? NONE : list.slice(0, n);
}

/**
 * Collects one Service's share in work lists that serve every Service of
 * a sync in turn (a share copies out exactly what it holds).
 */
export class ShareWriter {
  private readonly virtualServers: DesiredVS[] = [];
  private vsCount = 0;
  private readonly entries: number[] = [];
  private entryCount = 0;
  private readonly texts: string[] = [];
  private textCount = 0;
  private scheduler: IpvsScheduler = "rr";
  private schedFlags: string[] = [];

  /** Starts a Service's share under the sync's scheduler settings (see ShareEnv). */
  start(env: { readonly scheduler: IpvsScheduler; readonly schedFlags: string[] }): this {
    this.scheduler = env.scheduler;
    this.schedFlags = env.schedFlags;
    this.vsCount = 0;
    this.entryCount = 0;
    this.textCount = 0;
    return this;
  }

  /** The share as kept until the Service changes. */
  share(): ServiceShare {
    return {
      virtualServers: kept(this.virtualServers, this.vsCount),
      entries: kept(this.entries, this.entryCount),
      texts: kept(this.texts, this.textCount),
    };
  }

  /**
   * An entry of `set` by its key words (see SetTable.add) and, when a word
   * is NaN (the entry is kept as text), its text; `""` otherwise.
   */
  add(set: string, a: number, b: number, c: number, text: string): void {
    const n = SET_NUMBER.get(set);
    if (n === undefined) return;
    const e = this.entries;
    const i = this.entryCount;
    e[i] = n;
    e[i + 1] = a;
    e[i + 2] = b;
    e[i + 3] = c;
    this.entryCount = i + 4;
    if (!isKeyed(a, b, c)) this.texts[this.textCount++] = text;
  }

  /** An `ip,proto:port` entry (hash:ip,port). */
  addIpPort(set: string, ip: string, proto: Protocol, port: number): void {
    const a = addressWord(ip);
    const b = portWord(protocolWord(proto), port);
    this.add(set, a, b, 0, isKeyed(a, b, 0) ? "" : ipPortEntry(ip, proto, port));
  }

  /** A `port` entry (bitmap:port). */
  addPort(set: string, port: number): void {
    if (isPort(port)) this.add(set, port, 0, 0, "");
    else this.add(set, Number.NaN, 0, 0, String(port));
  }

  vs(
    proto: Protocol,
    ip: string,
    port: number,
    kind: VirtualServerKind,
    dests: DestList,
    svc: { spn: string; persistentTimeout: number | undefined },
  ): void {
    this.virtualServers[this.vsCount++] = {
      key: vsKey(proto, ip, port),
      proto,
      ip,
      port,
      scheduler: this.scheduler,
      schedFlags: this.schedFlags,
      persistentTimeout: svc.persistentTimeout,
      kind,
      servicePortName: svc.spn,
      dests,
    };
  }
}
