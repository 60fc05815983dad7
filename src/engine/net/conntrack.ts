/**
 * Connection tracking, one table per node (each node is one network
 * namespace). An entry is keyed by the original tuple and carries the
 * reply tuple as it will look after NAT, so replies are recognised and
 * un-NATed; later packets of a connection skip the nat table and get the
 * NAT recorded here.
 *
 * NOTE: a real table also holds the node's own traffic (kubelet, the API
 * server, SSH); ours only holds what the simulation sent.
 */
import type { Packet, Protocol } from "./types";

/** One direction of a connection. */
export interface Tuple {
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

export type ConntrackState = "SYN_SENT" | "SYN_RECV" | "ESTABLISHED" | "TIME_WAIT" | "CLOSE";

/** One conntrack entry, as `conntrack -L` lists it. */
export interface ConntrackEntry {
  proto: Protocol;
  orig: Tuple;
  reply: Tuple;
  /** TCP state; UDP has none. */
  state?: ConntrackState;
  /** A reply has been seen. */
  seenReply: boolean;
  assured: boolean;
  expiresAtMs: number;
  mark: number;
}

/** Timeouts in seconds, as the kernel's nf_conntrack sysctls default them. */
export const CT_TIMEOUTS = {
  tcpSynSent: 120,
  tcpSynRecv: 60,
  tcpEstablished: 432000,
  tcpTimeWait: 120,
  tcpClose: 10,
  udp: 30,
  udpStream: 120,
} as const;

export const PROTO_NUMBERS: Record<Protocol, number> = { TCP: 6, UDP: 17, SCTP: 132 };

function key(proto: Protocol, t: Tuple): string {
  return `${proto} ${t.src}:${t.sport}>${t.dst}:${t.dport}`;
}

export function tupleOf(p: Packet): Tuple {
  return { src: p.src, sport: p.sport, dst: p.dst, dport: p.dport };
}

/** A node's conntrack table. */
export class ConntrackTable {
  private readonly byOrig = new Map<string, ConntrackEntry>();
  private readonly byReply = new Map<string, ConntrackEntry>();

  /** Finds the entry a packet belongs to and which way it travels; drops expired entries on the way. */
  lookup(p: Packet, nowMs: number): { entry: ConntrackEntry; dir: "original" | "reply" } | undefined {
    if (this.byOrig.size === 0) return undefined;
    const k = `${p.proto} ${p.src}:${p.sport}>${p.dst}:${p.dport}`;
    const o = this.byOrig.get(k);
    if (o && this.alive(o, nowMs)) return { entry: o, dir: "original" };
    const r = this.byReply.get(k);
    if (r && this.alive(r, nowMs)) return { entry: r, dir: "reply" };
    return undefined;
  }

  /** Confirms a new connection (as the kernel does when the first packet leaves POSTROUTING or INPUT). */
  confirm(proto: Protocol, orig: Tuple, reply: Tuple, nowMs: number): ConntrackEntry {
    const entry: ConntrackEntry = {
      proto,
      orig,
      reply,
      state: proto === "TCP" ? "SYN_SENT" : undefined,
      seenReply: false,
      assured: false,
      expiresAtMs: nowMs + (proto === "TCP" ? CT_TIMEOUTS.tcpSynSent : CT_TIMEOUTS.udp) * 1000,
      mark: 0,
    };
    this.byOrig.set(key(proto, orig), entry);
    this.byReply.set(key(proto, reply), entry);
    return entry;
  }

  /**
   * A reply went through. TCP: SYN-ACK then the client's ACK make the
   * connection ESTABLISHED and ASSURED; a RST closes it. UDP: one answer
   * keeps the 30 s timeout (a UDP stream needs traffic both ways again).
   */
  replied(entry: ConntrackEntry, rst: boolean, nowMs: number): void {
    entry.seenReply = true;
    if (entry.proto === "TCP") {
      entry.state = rst ? "CLOSE" : "ESTABLISHED";
      entry.assured = !rst;
      entry.expiresAtMs = nowMs + (rst ? CT_TIMEOUTS.tcpClose : CT_TIMEOUTS.tcpEstablished) * 1000;
    } else {
      entry.expiresAtMs = nowMs + CT_TIMEOUTS.udp * 1000;
    }
  }

  /** The client closed the connection (FIN exchange): TIME_WAIT for 120 s. */
  closed(entry: ConntrackEntry, nowMs: number): void {
    if (entry.proto !== "TCP" || entry.state !== "ESTABLISHED") return;
    entry.state = "TIME_WAIT";
    entry.expiresAtMs = nowMs + CT_TIMEOUTS.tcpTimeWait * 1000;
  }

  /** Live entries, oldest first. */
  list(nowMs: number): ConntrackEntry[] {
    const out: ConntrackEntry[] = [];
    for (const e of [...this.byOrig.values()]) if (this.alive(e, nowMs)) out.push(e);
    return out;
  }

  private alive(e: ConntrackEntry, nowMs: number): boolean {
    if (e.expiresAtMs > nowMs) return true;
    this.byOrig.delete(key(e.proto, e.orig));
    this.byReply.delete(key(e.proto, e.reply));
    return false;
  }
}

/**
 * One line of `conntrack -L`, as libnetfilter_conntrack's default output
 * prints it: `%-8s %u` protocol, the remaining timeout in seconds, the TCP
 * state, both tuples, the status flags, the ct mark and the use count.
 *
 * NOTE: the kernel counts the timeout down in jiffies and some milliseconds
 * always pass before you list it, so a fresh entry shows one second less
 * than its full timeout (431999); we print the same.
 */
export function formatConntrackEntry(e: ConntrackEntry, nowMs: number): string {
  const left = Math.max(0, Math.ceil((e.expiresAtMs - nowMs) / 1000) - 1);
  const t = (x: Tuple) => `src=${x.src} dst=${x.dst} sport=${x.sport} dport=${x.dport}`;
  const parts = [`${e.proto.toLowerCase().padEnd(8)} ${PROTO_NUMBERS[e.proto]} ${left}`];
  if (e.state) parts.push(e.state);
  parts.push(t(e.orig));
  if (!e.seenReply) parts.push("[UNREPLIED]");
  parts.push(t(e.reply));
  if (e.assured) parts.push("[ASSURED]");
  parts.push(`mark=${e.mark}`, "use=1");
  return parts.join(" ");
}
