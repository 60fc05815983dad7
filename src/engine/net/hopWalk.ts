/**
 * The walk inside a hop, as data: what the kernel tested at a netfilter hook
 * (each chain entered, every rule tested in order, the draws and lookups that
 * decided), what IPVS looked up and why its scheduler chose the real server.
 * Part of the Trace contract ({@link TRACE_VERSION}); the trace panel, the
 * terminal's `trace -v` and "Copy trace" all read it. Recorded only for a
 * traced packet (`HookContext.recordWalk`); a burst's packets carry none.
 */
import type { IpvsScheduler } from "../api/configTypes";
import type { Hook } from "./types";

/**
 * The Trace format's version. 2: hops carry `kind`, `walk`, `before`,
 * `conntrack` and `says` (message keys for the notes).
 */
export const TRACE_VERSION = 2 as const;

/** What one match of a rule read when it was tested: the tests a student asks "why?" about. */
export type MatchTest =
  /**
   * `-m statistic --mode random`: xt_statistic draws `prandom_u32() & 0x7FFFFFFF`
   * and matches when it is below `probability × 2^31`; `draw` is that number
   * over 2^31, so the rule matched exactly when `draw < probability`.
   */
  | { k: "statistic"; probability: number; draw: number; hit: boolean }
  /**
   * `-m recent` (session affinity): the list, the address it keys on, and when
   * that address was last seen (`ageMs` absent: not in the list).
   */
  | {
      k: "recent";
      list: string;
      command: "set" | "rcheck" | "update" | "remove";
      address: string;
      seconds: number;
      ageMs?: number;
      hit: boolean;
    }
  /** `-m set --match-set NAME dirs`: one hash lookup of `key` (ipset's own notation). */
  | { k: "ipset"; set: string; key: string; hit: boolean }
  /** An nft verdict-map lookup: the key built from the packet and the element found. */
  | { k: "vmap"; map: string; key: string; element?: string }
  /** An nft set lookup (`ip saddr @affinity-…`); `expiresInMs` for a dynamic set's live element. */
  | { k: "set"; set: string; key: string; hit: boolean; expiresInMs?: number }
  /** `numgen random mod N`: the number drawn and the element it selected. */
  | { k: "numgen"; mod: number; value: number; element?: string }
  /** `update @set { ip saddr }`: the element (re)written and its timeout. */
  | { k: "update"; set: string; key: string; timeoutSeconds: number };

/** Where a fold's rules can be read back on demand (Simulation.foldedRules). */
export interface FoldRef {
  /** The walked rule list, kept by the engine for the last few traces. */
  source: number;
  /** Index of the first folded rule in that list (0-based). */
  from: number;
  count: number;
}

/** One rule tested, in the chain's order. `n` is its position (1-based, as `--line-numbers`). */
export interface RuleStep {
  k: "rule";
  n: number;
  /** The rule in its tool's syntax (`-A KUBE-SVC-… …`, an nft rule). */
  text: string;
  hit: boolean;
  /** What a matching rule did: `KUBE-SVC-XXX`, `DNAT --to-destination …`, `goto service-…`. */
  action?: string;
  /** The matches that read more than the header, as they were tested. */
  tests?: MatchTest[];
  /** The chain this rule jumped (or went) to, walked. */
  call?: ChainVisit;
  /** This rule's verdict or NAT ended the walk. */
  decided?: boolean;
}

/** A run of rules that did not match, each tested, shown as a count; its text comes on demand. */
export interface FoldStep {
  k: "fold";
  /** Position of the first rule folded (1-based). */
  n: number;
  count: number;
  /** Random draws made by the folded rules (statistic rules that did not match). */
  draws?: number;
  ref?: FoldRef;
}

export type WalkStep = RuleStep | FoldStep;

/** One visit of a chain: its rules tested in order, with the chains they called nested. */
export interface ChainVisit {
  /** `nat`, `filter`, `mangle` (iptables) or `ip kube-proxy` (nftables). */
  table: string;
  chain: string;
  /** How many rules the chain holds. */
  length: number;
  /** Rules tested in this visit (called chains count their own). */
  tested: number;
  steps: WalkStep[];
  /**
   * How the visit ended: a verdict or NAT (`verdict`), `RETURN` or the end of
   * a user chain (`return`), a goto onward (`goto`), or the end of a base
   * chain, where its policy applies (`policy`).
   */
  exit: "verdict" | "return" | "goto" | "policy";
}

/** A table's base chain at a hook, walked. */
export interface NetfilterWalk {
  k: "netfilter";
  family: "iptables" | "nftables";
  hook: Hook;
  visit: ChainVisit;
  verdict: "ACCEPT" | "DROP" | "REJECT";
}

/** A real server as the scheduler saw it just before choosing. */
export interface DestState {
  /** `ip:port`. */
  dest: string;
  weight: number;
  /** Active (ESTABLISHED) and inactive connections. */
  active: number;
  inactive: number;
}

/** A least-connection scheduler's row: the overhead it minimises over the weight. */
export interface LeastRow extends DestState {
  /**
   * lc/wlc: ip_vs_dest_conn_overhead() = active × 256 + inactive;
   * sed/nq: active + 1. lc compares it alone, the others over `weight`.
   */
  overhead: number;
}

/** Why the scheduler chose, in the scheduler's own terms (the state before the choice). */
export type SchedulerReason =
  /** rr: the list from after the last choice (`previous`, null = the list head) to the first with weight > 0. */
  | { rule: "rr"; dests: DestState[]; previous: string | null }
  /** wrr: the current weight `cw` before the pick, stepping down by `gcd` from `mw`. */
  | { rule: "wrr"; dests: DestState[]; previous: string | null; cw: number; mw: number; gcd: number }
  /** lc, wlc, sed, nq: each server's overhead; nq takes the first idle server (`idle`) at once. */
  | { rule: "least"; scheduler: "lc" | "wlc" | "sed" | "nq"; rows: LeastRow[]; idle?: string }
  /**
   * sh, dh, mh: the hash input, the bucket (slot) it lands in among `size`,
   * and the server that owns it (`fallback`: the next one the fallback flag found).
   */
  | {
      rule: "hash";
      scheduler: "sh" | "dh" | "mh";
      input: string;
      bucket: number;
      size: number;
      owner: string | null;
      fallback?: string;
    }
  /**
   * lblc, lblcr: the servers cached for the destination address and what
   * became of them — used, overloaded, gone (or weight 0), or none cached —
   * with wlc's rows whenever it had to choose anew.
   */
  | {
      rule: "locality";
      scheduler: "lblc" | "lblcr";
      daddr: string;
      cached: string[];
      cache: "used" | "overloaded" | "unavailable" | "none";
      rows?: LeastRow[];
    };

/** What IPVS did with a packet at one hook. */
export interface IpvsWalk {
  k: "ipvs";
  /** LOCAL_IN (a remote client), LOCAL_OUT (a local one), FORWARD (a real server's reply). */
  at: "LOCAL_IN" | "LOCAL_OUT" | "FORWARD";
  /** The connection table: the entry this packet belongs to, as `ipvsadm -Lnc` keys it, if any. */
  connection?: string;
  /** The virtual service looked up (ip_vs_service_find): `TCP  10.96.0.12:80 rr`; absent for a reply. */
  service?: { key: string; line?: string };
  /** ClientIP persistence: the template for this client (`reused`: found alive). */
  template?: { reused: boolean; dest: string };
  schedule?: { scheduler: IpvsScheduler; reason: SchedulerReason };
  /** The real server (`ip:port`) the packet goes to. */
  dest?: string;
  outcome: "scheduled" | "persistent" | "existing" | "reply" | "no-destination" | "not-virtual";
}

export type WalkPart = NetfilterWalk | IpvsWalk;

/** A conntrack entry as a hop saw it: found for this packet, or confirmed by it. */
export interface HopConntrack {
  event: "new" | "original" | "reply";
  /** The entry as `conntrack -L` prints it at that moment. */
  line: string;
  state?: string;
  orig: { src: string; sport: number; dst: string; dport: number };
  reply: { src: string; sport: number; dst: string; dport: number };
}
