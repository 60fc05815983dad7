/** What rule evaluation reads besides the packet: conntrack state, routing facts, randomness, time. */
import type { ChainVisit, MatchTest } from "../../../net/hopWalk";
import type { Packet } from "../../../net/types";
import type { FoldSink } from "../../../net/visitBuilder";
import type { MatchedRule } from "../../types";

/** `xt_recent` lists: list name → address → last time seen (virtual ms). */
export type RecentLists = Record<string, Record<string, number>>;

export interface EvalContext {
  /** The connection's conntrack state (`INVALID` for packets conntrack refused). */
  ctState: "NEW" | "ESTABLISHED" | "RELATED" | "INVALID";
  /** Conntrack's virtual states: was the connection DNATed / SNATed? */
  ctDnat?: boolean;
  ctSnat?: boolean;
  inInterface?: string;
  outInterface?: string;
  /** `--dst-type LOCAL` / `--src-type LOCAL`. */
  dstIsLocal: boolean;
  srcIsLocal: boolean;
  /** A uniform draw in [0,1) per `statistic --mode random` test. */
  random: () => number;
  nowMs: number;
  /** The namespace's `recent` lists (mutated by `--set`, `--update`, `--remove`, `--reap`). */
  recent: RecentLists;
  /** ipset membership, for `-m set` (IPVS mode); absent means no sets exist. */
  ipset?: (setName: string, flags: readonly ("src" | "dst")[], packet: Packet) => boolean;
  /** The ipset key a `-m set` test looks up, in ipset's notation (read only for a recorded walk). */
  ipsetKey?: (setName: string, flags: readonly ("src" | "dst")[], packet: Packet) => string;
  /** Record the walk in `EvalResult.visit` (a traced packet; the data planes pass their context's choice). */
  recordWalk?: boolean;
  /** List no matched rule in `EvalResult.matched` (the caller reads only verdict, packet and counts). */
  countsOnly?: boolean;
  /** Where a recorded walk keeps the rule lists behind its folds. */
  folds?: FoldSink;
  /** Set by the evaluator while it records: what the matches of the rule under test read. */
  tests?: MatchTest[];
}

/** What evaluating one table's chain did to a packet. */
export interface EvalResult {
  verdict: "ACCEPT" | "DROP" | "REJECT";
  packet: Packet;
  rejectWith?: string;
  matched: MatchedRule[];
  /** The base chain's visit, with every chain it entered, when the walk was recorded. */
  visit?: ChainVisit;
  rulesEvaluated: number;
  /** `-m set` lookups (each a hash lookup in the kernel). */
  lookups: number;
  dnat?: { ip: string; port: number };
  snat?: { ip: string; port: number } | "MASQUERADE";
}
