/** Test helper: real servers as schedulers see them, in kernel list order. */
import type { SchedDest, SchedPacket } from "./types";

export function dests(spec: [string, number?][]): SchedDest[] {
  return spec.map(([ip, weight = 1]) => ({
    key: `${ip}:80`,
    ip,
    port: 80,
    weight,
    lastWeight: weight,
    activeConns: 0,
    inactConns: 0,
  }));
}

export function pkt(src = "10.244.9.9", sport = 40000, dst = "10.96.0.10"): SchedPacket {
  return { src, sport, dst, dport: 80, nowMs: 0 };
}
