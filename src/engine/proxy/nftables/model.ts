/**
 * kube-proxy's nftables objects as plain data: one `ip kube-proxy` table of
 * sets, verdict maps and chains, with rules kept both structured (for
 * evaluation) and as the text `nft list` prints.
 */

import type { Cidr } from "../../api/ipv4";
import type { Hook } from "../../net/types";

export type { Cidr };

/** The key shapes kube-proxy's maps and sets use. */
export type KeyKind = "addr" | "addr.proto.port" | "proto.port";

/** A verdict as a rule or a map element gives it. */
export type Verdict = { k: "jump" | "goto"; chain: string } | { k: "return" | "drop" | "accept" | "reject" };

/** A match expression; all of a rule's must hold. */
export type Cond =
  | { k: "ctNew" }
  | { k: "addr"; field: "saddr" | "daddr"; neg: boolean; cidrs: Cidr[] }
  /** One address (`ip saddr 10.180.0.1`), kept apart from prefixes so big tables allocate less. */
  | { k: "host"; field: "saddr" | "daddr"; ip: number; text: string }
  | { k: "inSet"; field: "saddr" | "daddr"; set: string }
  | { k: "fibSaddrLocal" }
  | { k: "markZero"; mask: number }
  | { k: "l4proto"; proto: string };

/** A non-verdict statement (dnat and masquerade end evaluation, as in the kernel). */
export type Stmt =
  | { k: "markOr" | "markXor"; value: number }
  | { k: "update"; set: string }
  | { k: "dnat"; ip: string; port: number }
  | { k: "masquerade" };

/** What a matching rule does after its statements. */
export type Action =
  | Verdict
  | { k: "vmap"; map: string; key: "addr.proto.port" | "proto.port" }
  | { k: "numgen"; targets: string[] };

export interface NftRule {
  conds: Cond[];
  stmts: Stmt[];
  action?: Action;
  comment?: string;
  /** The rule as `nft list` prints it. */
  text: string;
  /** Its action as `nft list` prints it (the end of `text`), kept so a trace need not render it per packet. */
  actionText?: string;
}

/** A base chain's registration with netfilter. */
export interface BaseHook {
  type: "filter" | "nat";
  hook: Hook;
  priority: number;
}

export interface NftChain {
  name: string;
  base?: BaseHook;
  comment?: string;
  rules: NftRule[];
}

/** One element of a set or map; `key` parts are as nft prints them (`172.30.0.41`, `tcp`, `80`). */
export interface NftElement {
  key: string[];
  comment?: string;
  verdict?: Verdict;
}

export interface NftSet {
  kind: "set" | "map";
  name: string;
  keyKind: KeyKind;
  comment?: string;
  /** Dynamic sets (session affinity): `flags dynamic,timeout`, default timeout in seconds. */
  timeoutSeconds?: number;
  /** Static elements by joined key (`a . b . c`). */
  elements: Map<string, NftElement>;
}

/** The `ip kube-proxy` table; Map insertion order is creation order, which `nft list` follows. */
export interface NftTable {
  comment: string;
  sets: Map<string, NftSet>;
  chains: Map<string, NftChain>;
}

/** Joins key parts the way nft and kube-proxy write them. */
export function joinKey(parts: readonly string[]): string {
  return parts.join(" . ");
}

/** The nft type expression of a key kind, with ` : verdict` for maps. */
export function typeOf(set: Pick<NftSet, "kind" | "keyKind">): string {
  const key =
    set.keyKind === "addr"
      ? "ipv4_addr"
      : set.keyKind === "proto.port"
        ? "inet_proto . inet_service"
        : "ipv4_addr . inet_proto . inet_service";
  return set.kind === "map" ? `${key} : verdict` : key;
}
