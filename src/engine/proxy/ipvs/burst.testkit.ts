import type { IpvsDataPlane } from "./dataplane";
import { parseVsKey } from "./model";

export interface BurstClient {
  ip: string;
  port?: number;
}

export interface BurstOptions {
  /** Virtual time of the first connection (default: the data plane's last seen time). */
  nowMs?: number;
  /** Time between connections. */
  spacingMs?: number;
  /** Close each connection right after it is made (ActiveConn → InActConn). */
  closeEach?: boolean;
}

export interface BurstResult {
  picks: { client: string; sport: number; dest: string | null }[];
  /** Connections per real server key, in the order servers were first picked. */
  counts: Record<string, number>;
}

/**
 * Opens one connection per client to a virtual server through
 * `IpvsDataPlane.connect`, as a burst of clients would, and reports where
 * each went. `vsKeyText`: `TCP/10.96.0.1:443` or `10.96.0.1:443`. Client
 * source ports default to 40000 + i.
 */
export function burst(
  dp: IpvsDataPlane,
  vsKeyText: string,
  clients: readonly (string | BurstClient)[],
  opts: BurstOptions = {},
): BurstResult {
  const target = parseVsKey(vsKeyText);
  const out: BurstResult = { picks: [], counts: {} };
  if (!target) throw new Error(`not a virtual server: ${vsKeyText}`);
  let now = opts.nowMs ?? dp.nowMs;
  clients.forEach((c, i) => {
    const client = typeof c === "string" ? { ip: c } : c;
    const sport = client.port ?? 40000 + i;
    const r = dp.connect(
      { proto: target.proto, src: client.ip, sport, dst: target.ip, dport: target.port },
      now,
    );
    const dest = r.dest?.key ?? null;
    out.picks.push({ client: client.ip, sport, dest });
    if (dest) out.counts[dest] = (out.counts[dest] ?? 0) + 1;
    if (opts.closeEach && r.conn) dp.close(r.conn.id, now);
    now += opts.spacingMs ?? 0;
  });
  return out;
}
