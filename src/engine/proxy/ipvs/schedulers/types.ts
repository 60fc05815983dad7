/**
 * The scheduler contract: each file in this folder reproduces one Linux
 * scheduler (net/netfilter/ipvs/ip_vs_<name>.c) over plain data.
 */
import type { IpvsScheduler } from "../../../api/configTypes";
import type { DestState, LeastRow, SchedulerReason } from "../../../net/hopWalk";

/** What a scheduler may read of a real server. */
export interface SchedDest {
  /** `ip:port`. */
  key: string;
  ip: string;
  port: number;
  weight: number;
  /** The last non-zero weight (ip_vs_mh builds its table from it). */
  lastWeight: number;
  activeConns: number;
  inactConns: number;
}

/** What a scheduler may read of the packet (source port only matters with sh-port/mh-port). */
export interface SchedPacket {
  src: string;
  sport: number;
  dst: string;
  dport: number;
  nowMs: number;
}

/** Scheduler flags (IP_VS_SVC_F_SCHED1..3) as ipvsadm names them. */
export type SchedFlag = "sh-port" | "sh-fallback" | "mh-port" | "mh-fallback";

/**
 * One IPVS scheduler. `dests` is always the kernel's destination list order.
 * NOTE: the kernel also skips destinations flagged IP_VS_DEST_F_OVERLOAD
 * (upper connection threshold); kube-proxy never sets thresholds, so no
 * destination here is ever overloaded.
 */
export interface Scheduler<S> {
  readonly name: IpvsScheduler;
  /** init_service: fresh per-virtual-server state. */
  init(dests: readonly SchedDest[]): S;
  /** add_dest/del_dest/upd_dest: the destination list or a weight changed. */
  update(state: S, oldDests: readonly SchedDest[], newDests: readonly SchedDest[]): S;
  /**
   * Why the next `schedule` call with the same arguments will choose what it
   * chooses, from the state before the choice (read only for a traced packet;
   * it may build a lookup table `schedule` would build, and changes nothing else).
   */
  explain(
    state: S,
    dests: readonly SchedDest[],
    pkt: SchedPacket,
    flags: readonly SchedFlag[],
  ): SchedulerReason;
  /** Picks a destination, or null ("no destination available"). */
  schedule(
    state: S,
    dests: readonly SchedDest[],
    pkt: SchedPacket,
    flags: readonly SchedFlag[],
  ): SchedDest | null;
}

/** ip_vs_dest_conn_overhead(): activeconns * 256 + inactconns. */
export function connOverhead(d: SchedDest): number {
  return d.activeConns * 256 + d.inactConns;
}

/** A destination as a trace shows it. */
export function destState(d: SchedDest): DestState {
  return { dest: d.key, weight: d.weight, active: d.activeConns, inactive: d.inactConns };
}

/** Each destination with the overhead a least-connection scheduler compares. */
export function leastRows(dests: readonly SchedDest[], overhead: (d: SchedDest) => number): LeastRow[] {
  return dests.map((d) => ({ ...destState(d), overhead: overhead(d) }));
}

/** Greatest common divisor (lib/math/gcd.c). */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}
