/** A packet as Linux tools write it, for a hop's inspector and the copied trace. */
import type { Packet } from "./types";

const TCP_FLAG: Record<string, string> = { SYN: "S", FIN: "F", RST: "R", PSH: "P", URG: "U", ACK: "." };

/** TCP flags as tcpdump prints them (its tcp_flag_values order: F S R P . U): `[S]`, `[S.]`, `[F.]`. */
export function tcpFlags(flags: readonly string[] | undefined): string {
  const order = ["FIN", "SYN", "RST", "PSH", "ACK", "URG"];
  return `[${order
    .filter((f) => flags?.includes(f))
    .map((f) => TCP_FLAG[f])
    .join("")}]`;
}

/**
 * The start of `tcpdump -n`'s line for the packet: `IP 10.244.1.4.40000 >
 * 10.96.0.12.80: Flags [S]`, `IP … > …: UDP`.
 * NOTE: tcpdump goes on with sequence numbers, window, options and length;
 * the simulation keeps none of them.
 */
export function packetLine(p: Packet): string {
  const ends = `IP ${p.src}.${p.sport} > ${p.dst}.${p.dport}:`;
  if (p.proto === "TCP") return `${ends} Flags ${tcpFlags(p.flags)}`;
  return `${ends} ${p.proto === "UDP" ? "UDP" : "sctp"}`;
}

/** skb->mark as iptables writes a mark: `0x4000`, `0x0`. */
export function markText(mark: number): string {
  return `0x${(mark >>> 0).toString(16)}`;
}
