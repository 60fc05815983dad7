/**
 * The IPVS connection table (ip_vs_conn.c): one entry per client connection
 * through a virtual server, plus persistence templates, each with a timer
 * from the protocol's timeout table. ActiveConn/InActConn/PersistConn on the
 * real servers are kept in step, as ip_vs_bind_dest/ip_vs_set_state do.
 */
import { ipToNumber } from "../../api/ipv4";
import type { Protocol } from "../../net/types";
import { type IpvsConn, type IpvsConnState, PROTO_CODE, type RealServer } from "./model";

/** ip_vs_proto_tcp.c `tcp_timeouts`, in seconds. */
export const TCP_TIMEOUTS_S: Readonly<Record<string, number>> = {
  NONE: 2,
  ESTABLISHED: 15 * 60,
  SYN_SENT: 2 * 60,
  SYN_RECV: 60,
  FIN_WAIT: 2 * 60,
  TIME_WAIT: 2 * 60,
  CLOSE: 10,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  LISTEN: 2 * 60,
  SYNACK: 120,
};

/** ip_vs_proto_udp.c: every UDP entry lives 5 minutes after its last packet. */
export const UDP_TIMEOUT_S = 5 * 60;

function timeoutMs(proto: Protocol, state: IpvsConnState): number {
  if (proto === "UDP") return UDP_TIMEOUT_S * 1000;
  return (TCP_TIMEOUTS_S[state] ?? TCP_TIMEOUTS_S.NONE!) * 1000;
}

/**
 * Entries by (protocol, address A, port A, address B, port B), as the
 * kernel hashes a connection's tuple. The key is the tuple's numbers as
 * seven UTF-16 code units (each address as two): a short flat string,
 * not `"TCP 10.244.1.5:80 ..."` text built and hashed per packet.
 */
class TupleIndex<V> {
  private readonly map = new Map<string, V>();

  /** The tuple's key; text (always longer than seven characters) for an address that is not IPv4. */
  private static key(proto: Protocol, a: string, ap: number, b: string, bp: number): string {
    const an = ipToNumber(a);
    const bn = ipToNumber(b);
    if (an === undefined || bn === undefined) return `${proto} ${a}:${ap} ${b}:${bp}`;
    return String.fromCharCode(an >>> 16, an & 0xffff, ap, bn >>> 16, bn & 0xffff, bp, PROTO_CODE[proto]);
  }

  get(proto: Protocol, a: string, ap: number, b: string, bp: number): V | undefined {
    return this.map.get(TupleIndex.key(proto, a, ap, b, bp));
  }

  set(proto: Protocol, a: string, ap: number, b: string, bp: number, v: V): void {
    this.map.set(TupleIndex.key(proto, a, ap, b, bp), v);
  }

  delete(proto: Protocol, a: string, ap: number, b: string, bp: number): void {
    this.map.delete(TupleIndex.key(proto, a, ap, b, bp));
  }
}

export interface NewConn {
  proto: Protocol;
  caddr: string;
  cport: number;
  vaddr: string;
  vport: number;
  vsKey: string;
  dest: RealServer;
  controlledBy?: number;
}

/** The table. Entries are plain objects; the real-server counters are updated in place. */
export class ConnTable {
  private nextId = 1;
  /** By client and virtual address (what a request carries). */
  private readonly byIn = new TupleIndex<IpvsConn>();
  /** By real server and client address (what a reply carries). */
  private readonly byOut = new TupleIndex<IpvsConn>();
  private readonly byId = new Map<number, IpvsConn>();
  private readonly dests = new Map<number, RealServer>();
  private readonly templateTimeout = new Map<number, number>();
  /** No timer fires before this time (a lower bound, so expire() can skip the scan). */
  private nextExpiry = Number.POSITIVE_INFINITY;

  /** ip_vs_conn_in_get: one hash probe on the client-side tuple. */
  lookupIn(
    proto: Protocol,
    caddr: string,
    cport: number,
    vaddr: string,
    vport: number,
  ): IpvsConn | undefined {
    return this.byIn.get(proto, caddr, cport, vaddr, vport);
  }

  /** ip_vs_conn_out_get: one hash probe on the real-server side (replies). */
  lookupOut(
    proto: Protocol,
    daddr: string,
    dport: number,
    caddr: string,
    cport: number,
  ): IpvsConn | undefined {
    return this.byOut.get(proto, daddr, dport, caddr, cport);
  }

  get(id: number): IpvsConn | undefined {
    return this.byId.get(id);
  }

  destOf(conn: IpvsConn): RealServer | undefined {
    return this.dests.get(conn.id);
  }

  /**
   * A new connection. NOTE: a real TCP entry starts in SYN_RECV (inactive)
   * and turns ESTABLISHED (active) on the client's ACK; the simulation sends a
   * whole exchange at once, so entries start ESTABLISHED.
   */
  add(c: NewConn, nowMs: number): IpvsConn {
    const state: IpvsConnState = c.proto === "UDP" ? "UDP" : "ESTABLISHED";
    const conn: IpvsConn = {
      id: this.nextId++,
      proto: c.proto,
      caddr: c.caddr,
      cport: c.cport,
      vaddr: c.vaddr,
      vport: c.vport,
      daddr: c.dest.ip,
      dport: c.dest.port,
      state,
      expiresAt: nowMs + timeoutMs(c.proto, state),
      template: false,
      vsKey: c.vsKey,
      destKey: c.dest.key,
      controlledBy: c.controlledBy,
    };
    this.index(conn, c.dest);
    if (state === "ESTABLISHED") c.dest.activeConns++;
    else c.dest.inactConns++;
    return conn;
  }

  /** A persistence template: client address, port 0, state NONE, the service's timeout. */
  addTemplate(c: Omit<NewConn, "cport" | "controlledBy">, timeoutS: number, nowMs: number): IpvsConn {
    const conn: IpvsConn = {
      id: this.nextId++,
      proto: c.proto,
      caddr: c.caddr,
      cport: 0,
      vaddr: c.vaddr,
      vport: c.vport,
      daddr: c.dest.ip,
      dport: c.dest.port,
      state: "NONE",
      expiresAt: nowMs + timeoutS * 1000,
      template: true,
      vsKey: c.vsKey,
      destKey: c.dest.key,
    };
    this.templateTimeout.set(conn.id, timeoutS * 1000);
    this.index(conn, c.dest);
    c.dest.persistConns++;
    return conn;
  }

  /** Re-arms an entry's timer (every packet does). */
  touch(conn: IpvsConn, nowMs: number): void {
    conn.expiresAt = nowMs + (this.templateTimeout.get(conn.id) ?? timeoutMs(conn.proto, conn.state));
    this.nextExpiry = Math.min(this.nextExpiry, conn.expiresAt);
  }

  /**
   * The client closed: ESTABLISHED → FIN_WAIT (2 min), which moves the entry
   * from ActiveConn to InActConn. NOTE: the kernel walks the full TCP state
   * table (CLOSE_WAIT, LAST_ACK, TIME_WAIT…) packet by packet; one step is
   * enough to show the counters move.
   */
  close(conn: IpvsConn, nowMs: number): void {
    if (conn.template || conn.proto === "UDP" || conn.state !== "ESTABLISHED") return;
    const dest = this.dests.get(conn.id);
    if (dest) {
      dest.activeConns--;
      dest.inactConns++;
    }
    conn.state = "FIN_WAIT";
    this.touch(conn, nowMs);
  }

  /** Drops a template at once (expire_quiescent_template). */
  removeTemplate(conn: IpvsConn): void {
    this.remove(conn);
  }

  /**
   * Runs the timers up to `nowMs`. A template whose timer fires while it
   * still controls connections is re-armed (ip_vs_conn_expire's expire_later).
   * Returns false when no timer could have fired.
   */
  expire(nowMs: number): boolean {
    if (nowMs < this.nextExpiry) return false;
    for (const c of [...this.byId.values()]) if (!c.template && c.expiresAt <= nowMs) this.remove(c);
    for (const t of [...this.byId.values()]) {
      if (!t.template) continue;
      const timeout = this.templateTimeout.get(t.id) ?? 0;
      const lastControlled = this.latestControlled(t.id);
      while (t.expiresAt <= nowMs && lastControlled > t.expiresAt && timeout > 0) t.expiresAt += timeout;
      if (t.expiresAt <= nowMs) this.remove(t);
    }
    this.nextExpiry = Number.POSITIVE_INFINITY;
    for (const c of this.byId.values()) this.nextExpiry = Math.min(this.nextExpiry, c.expiresAt);
    return true;
  }

  /** Every entry, oldest first. */
  list(): IpvsConn[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  private latestControlled(templateId: number): number {
    let latest = 0;
    for (const c of this.byId.values())
      if (c.controlledBy === templateId) latest = Math.max(latest, c.expiresAt);
    return latest;
  }

  private index(conn: IpvsConn, dest: RealServer): void {
    this.nextExpiry = Math.min(this.nextExpiry, conn.expiresAt);
    this.byIn.set(conn.proto, conn.caddr, conn.cport, conn.vaddr, conn.vport, conn);
    if (!conn.template) this.byOut.set(conn.proto, conn.daddr, conn.dport, conn.caddr, conn.cport, conn);
    this.byId.set(conn.id, conn);
    this.dests.set(conn.id, dest);
  }

  private remove(conn: IpvsConn): void {
    const dest = this.dests.get(conn.id);
    if (dest) {
      if (conn.template) dest.persistConns--;
      else if (conn.state === "ESTABLISHED") dest.activeConns--;
      else dest.inactConns--;
    }
    this.byIn.delete(conn.proto, conn.caddr, conn.cport, conn.vaddr, conn.vport);
    if (!conn.template) this.byOut.delete(conn.proto, conn.daddr, conn.dport, conn.caddr, conn.cport);
    this.byId.delete(conn.id);
    this.dests.delete(conn.id);
    this.templateTimeout.delete(conn.id);
  }
}
