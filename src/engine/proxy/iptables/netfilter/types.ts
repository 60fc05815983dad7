import type { CompiledChain } from "./compiled";

/**
 * A parsed netfilter (iptables) rule model: what `iptables-restore` builds
 * from a rule's arguments, kept as plain data. Addresses are pre-parsed to
 * 32-bit numbers so evaluation compares integers and allocates nothing.
 * Shared by every mode that programs iptables rules (iptables and IPVS).
 */

/** `[!] -s/-d addr[/len]`: `addr` already masked, both as unsigned 32-bit. */
export interface AddrMatch {
  addr: number;
  mask: number;
  prefix: number;
  invert: boolean;
}

/** `[!] -i/-o name` (a trailing `+` is a prefix wildcard). */
export interface IfaceMatch {
  name: string;
  invert: boolean;
}

/** `[!] --dport a[:b]`. */
export interface PortRange {
  min: number;
  max: number;
  invert: boolean;
}

/** conntrack states as `--ctstate` names them, in the order iptables prints them. */
export const CT_STATES = ["INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"] as const;
export type CtStateName = (typeof CT_STATES)[number];

/** One `-m <name> …` block, with the options iptables accepted for it. */
export type Match =
  | { name: "comment"; comment: string }
  | { name: "tcp" | "udp" | "sctp"; sport?: PortRange; dport?: PortRange }
  | {
      name: "addrtype";
      srcType?: { type: string; invert: boolean };
      dstType?: { type: string; invert: boolean };
    }
  /** `threshold` is what the kernel stores: lround(p × 2^31). */
  | { name: "statistic"; mode: "random"; threshold: number; invert: boolean }
  | {
      name: "recent";
      listName: string;
      command: "set" | "rcheck" | "update" | "remove";
      seconds: number;
      reap: boolean;
      hitcount: number;
      side: "source" | "dest";
      mask: number;
      invert: boolean;
    }
  | { name: "mark"; value: number; mask: number; invert: boolean }
  | { name: "conntrack"; states: CtStateName[]; invert: boolean }
  | { name: "nfacct"; nfacctName: string }
  | { name: "set"; setName: string; flags: ("src" | "dst")[]; invert: boolean }
  /** `--physdev-is-in`: the packet came in through a bridge port. */
  | { name: "physdev"; isIn?: { invert: boolean } };

export type MatchName = Match["name"];

/** What a rule does when it matches. */
export type Target =
  | { name: "ACCEPT" | "DROP" | "RETURN" }
  /** A user-defined chain; `goto` for `-g`. */
  | { name: "jump"; chain: string; goto: boolean }
  | { name: "DNAT"; ip: string; port?: number }
  | { name: "SNAT"; ip: string; port?: number }
  | { name: "MASQUERADE"; randomFully: boolean; random: boolean; toPorts?: string }
  /** MARK revision 2: `skb->mark = (mark & ~mask) ^ value`. */
  | { name: "MARK"; value: number; mask: number }
  | { name: "REJECT"; rejectWith: string };

/** Packet and byte counters, as the kernel keeps per rule and per built-in chain. */
export interface Counters {
  pkts: number;
  bytes: number;
}

/** A parsed rule (the kernel keeps no text: iptables-save rebuilds it, see saveText.ts). */
export interface Rule {
  src?: AddrMatch;
  dst?: AddrMatch;
  inIface?: IfaceMatch;
  outIface?: IfaceMatch;
  /** 0 = all; 6 tcp, 17 udp, 132 sctp, 1 icmp. */
  proto: number;
  protoInvert: boolean;
  matches: Match[];
  /** Absent for a rule without `-j` (it only counts, then falls through). */
  target?: Target;
  counters: Counters;
  /** `-A CHAIN …` as iptables-save prints it, once printed (rules never change once loaded). */
  saveText?: string;
}

/** A chain: built-in (with a policy) or user-defined. */
export interface Chain {
  name: string;
  /** Only built-in chains have a policy. */
  policy?: "ACCEPT" | "DROP";
  rules: Rule[];
  /** Built-in chains count the packets their policy decided. */
  counters: Counters;
  /** `rules` as the packet path reads them, once a packet walked the chain (compiled.ts). */
  compiled?: CompiledChain;
}

export const TABLE_NAMES = ["raw", "mangle", "filter", "nat"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** One table: its chains by name, built-ins first in kernel order. */
export interface Table {
  name: TableName;
  /** Built-in chain names, in the order iptables lists them. */
  builtins: string[];
  /** A Map, not a record: a big sync declares ~110,000 chains, and object keys would each be interned. */
  chains: Map<string, Chain>;
}

/** All tables of one network namespace. */
export interface Ruleset {
  tables: Partial<Record<TableName, Table>>;
}
