/**
 * A sync's restore input kept in parts: the top-level rules written before
 * the per-service loop, one part per service port, and the rules written
 * after it. A service port's part is reused by the next sync when its inputs
 * did not change, so an unchanged cluster costs a comparison per port rather
 * than a rebuild of every rule.
 */
import { trimmed } from "../../util/trimmed";
import type { EndpointInfo } from "../endpoints";
import type { ServicePort } from "../servicePort";
import type { CategorizedEndpoints } from "../topology";
import {
  clearBuffer,
  newRestoreBuffer,
  type RestoreBuffer,
  type RestoreLine,
  type RestoreTable,
} from "./restoreBuffer";
import { type SyncEnv, writeServicePort } from "./serviceRules";

/**
 * One service port's part. Only what every sync needs is kept: the lines in
 * top-level chains (KUBE-SERVICES, KUBE-NODEPORTS, filter chains), the own
 * chains it declares and their sizes. The own chains' lines are written again
 * by `write` when something reads them (rendering, a chain's first walk).
 */
export interface PortRules {
  /** The Service's `namespace/name`. */
  key: string;
  /** What the part was computed from (with the sync-wide `env`). */
  sp: ServicePort;
  endpoints: readonly EndpointInfo[];
  categorized: CategorizedEndpoints<EndpointInfo>;
  /** Own chains declared, per table. */
  chains: Record<RestoreTable, string[]>;
  /** Rules in each declared own chain (same order as `chains`). */
  counts: Record<RestoreTable, number[]>;
  /** Lines in top-level chains, in write order. */
  top: RestoreLine[];
  /** How many lines are in the port's own chains. */
  ownLines: number;
  env: SyncEnv;
  /** A fingerprint of the port's own chains (see `ownSignature`), once computed. */
  signature?: string;
}

/** A whole sync's restore input. */
export interface SyncBuffer {
  /** A fingerprint of the settings every part depends on (options, node addresses, large-cluster mode). */
  env: string;
  head: RestoreBuffer;
  ports: PortRules[];
  tail: RestoreBuffer;
}

/** A part with nothing in a table shares this (parts are never changed once made). */
const NONE: never[] = [];

/** A copy of `a` without spare capacity, or the shared empty array. */
function kept<T>(a: T[]): T[] {
  return a.length === 0 ? NONE : trimmed(a);
}

/** `n` zeros (the shared empty array for none). */
function zeros(n: number): number[] {
  return n === 0 ? NONE : new Array<number>(n).fill(0);
}

/** Counts a port's own rules and keeps what every sync needs: its top-level lines and chain sizes. */
export function newPortRules(
  key: string,
  sp: ServicePort,
  endpoints: readonly EndpointInfo[],
  categorized: CategorizedEndpoints<EndpointInfo>,
  env: SyncEnv,
): PortRules {
  // The sync's one counting buffer: what the part keeps is copied out of it.
  const buf = env.counting;
  clearBuffer(buf);
  writeServicePort(buf, sp, categorized, env);
  const chains = { filter: kept(buf.chains.filter), nat: kept(buf.chains.nat) };
  const part: PortRules = {
    key,
    sp,
    endpoints,
    categorized,
    chains,
    counts: { filter: zeros(chains.filter.length), nat: zeros(chains.nat.length) },
    top: kept(buf.lines),
    ownLines: 0,
    env,
  };
  for (const table of ["filter", "nat"] as const) {
    const declared = chains[table];
    const counts = part.counts[table];
    const owned = buf.owned![table];
    for (let k = 0; k < owned.chains.length; k++) {
      const n = owned.counts[k]!;
      part.ownLines += n;
      const i = declared.indexOf(owned.chains[k]!);
      if (i >= 0) counts[i]! += n;
    }
  }
  return part;
}

/**
 * Service ports' lines written again on demand (the rule set keeps only
 * their counts): the last part asked for is kept, or every part while a
 * whole-table renderer (`iptables-save`, `-L`, `-S`) runs inside `readAll`,
 * since it visits chains sorted by name and so jumps between service ports.
 * One per data plane.
 */
export class PortLines {
  private last: { part: PortRules; lines: RestoreLine[] } | undefined;
  private all: Map<PortRules, RestoreLine[]> | undefined;

  /** All of a part's lines in write order. */
  of(part: PortRules): RestoreLine[] {
    const all = this.all;
    if (all) {
      let lines = all.get(part);
      if (!lines) {
        lines = writePortLines(part);
        all.set(part, lines);
      }
      return lines;
    }
    if (this.last?.part !== part) this.last = { part, lines: writePortLines(part) };
    return this.last.lines;
  }

  /** Runs `f` with every part's lines kept once written. */
  readAll<T>(f: () => T): T {
    const outer = this.all;
    this.all ??= new Map();
    try {
      return f();
    } finally {
      this.all = outer;
    }
  }
}

/** A part's lines, written afresh. */
export function writePortLines(part: PortRules): RestoreLine[] {
  const buf = newRestoreBuffer();
  writeServicePort(buf, part.sp, part.categorized, part.env);
  return buf.lines;
}

/** kube-proxy's test order: by ServicePortName, then protocol. */
export function comparePorts(a: ServicePort, b: ServicePort): number {
  return a.nameString < b.nameString
    ? -1
    : a.nameString > b.nameString
      ? 1
      : a.protocol < b.protocol
        ? -1
        : a.protocol > b.protocol
          ? 1
          : 0;
}

/**
 * Pairs each part of `next` with the part of `prev` for the same service
 * port (undefined for a new port). Both lists are in `comparePorts` order.
 */
export function matchParts(
  prev: readonly PortRules[],
  next: readonly PortRules[],
): (PortRules | undefined)[] {
  const out: (PortRules | undefined)[] = [];
  let j = 0;
  for (let i = 0; i < next.length; i++) {
    const p = next[i]!;
    while (j < prev.length && comparePorts(prev[j]!.sp, p.sp) < 0) j++;
    const old = prev[j];
    out.push(old !== undefined && comparePorts(old.sp, p.sp) === 0 ? old : undefined);
  }
  return out;
}
