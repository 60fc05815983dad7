/**
 * The iptables rules kube-proxy still writes in IPVS mode
 * (proxier.go writeIptablesRules, reference §2.3), as structured rules that
 * carry their `iptables-save` text.
 * NOTE: written as local text + a small matcher to avoid depending on the
 * generic netfilter model being built in proxy/iptables/netfilter/; the lead
 * may later switch these to the shared evaluator.
 */
import type { Protocol } from "../../net/types";
import type { IpsetIndex } from "./ipsets";
import { IPSET_INFO } from "./ipsets";

export type SetDir = "src" | "dst";

export type IptMatch =
  | { kind: "src"; cidr: string; neg: boolean }
  | { kind: "proto"; proto: Protocol }
  | { kind: "comment"; text: string }
  | { kind: "set"; name: string; dirs: SetDir[] }
  | { kind: "addrtype"; which: "src" | "dst"; neg: boolean }
  | { kind: "mark"; value: number; neg: boolean }
  | { kind: "conntrack"; states: string[] }
  | { kind: "physdev-is-in"; neg: boolean };

export type IptTarget =
  | { kind: "jump"; chain: string }
  | { kind: "ACCEPT" | "RETURN" | "DROP" | "REJECT" | "MASQUERADE" }
  | { kind: "MARK-OR" | "MARK-XOR"; value: number };

export interface IptRule {
  chain: string;
  matches: IptMatch[];
  target: IptTarget;
  /** The line as `iptables-save` prints it. */
  text: string;
}

export interface IptTable {
  name: "nat" | "filter";
  builtins: string[];
  /** User chains, in iptables-save (legacy: alphabetical) order. */
  chains: string[];
  rules: IptRule[];
}

const hex = (n: number): string => `0x${n.toString(16)}`;
const quote = (s: string): string => (/^[A-Za-z0-9_-]+$/.test(s) ? s : `"${s}"`);

function matchText(m: IptMatch): string {
  switch (m.kind) {
    case "src":
      return `${m.neg ? "! " : ""}-s ${m.cidr}`;
    case "proto":
      return `-p ${m.proto.toLowerCase()}`;
    case "comment":
      return `-m comment --comment ${quote(m.text)}`;
    case "set":
      return `-m set --match-set ${m.name} ${m.dirs.join(",")}`;
    case "addrtype":
      return `-m addrtype ${m.neg ? "! " : ""}--${m.which}-type LOCAL`;
    case "mark":
      return `-m mark ${m.neg ? "! " : ""}--mark ${hex(m.value)}/${hex(m.value)}`;
    case "conntrack":
      return `-m conntrack --ctstate ${m.states.join(",")}`;
    case "physdev-is-in":
      return `-m physdev ${m.neg ? "! " : ""}--physdev-is-in`;
  }
}

function targetText(t: IptTarget): string {
  switch (t.kind) {
    case "jump":
      return `-j ${t.chain}`;
    case "REJECT":
      return "-j REJECT --reject-with icmp-port-unreachable";
    case "MASQUERADE":
      return "-j MASQUERADE --random-fully";
    case "MARK-OR":
      return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.value)}`;
    case "MARK-XOR":
      return `-j MARK --set-xmark ${hex(t.value)}/0x0`;
    default:
      return `-j ${t.kind}`;
  }
}

/** A rule, with its matches reordered as iptables-save prints them (-s, -p, then -m in order). */
export function rule(chain: string, matches: IptMatch[], target: IptTarget): IptRule {
  const rank = (m: IptMatch): number => (m.kind === "src" ? 0 : m.kind === "proto" ? 1 : 2);
  const ordered = [...matches].sort((a, b) => rank(a) - rank(b));
  const text = ["-A", chain, ...ordered.map(matchText), targetText(target)].join(" ");
  return { chain, matches: ordered, target, text };
}

const COMMENT = new Map(IPSET_INFO.map((i) => [i.name, i.comment]));
const comment = (set: string): IptMatch => ({ kind: "comment", text: COMMENT.get(set) ?? "" });
const set = (name: string, dirs: string): IptMatch => ({
  kind: "set",
  name,
  dirs: dirs.split(",") as SetDir[],
});
const jump = (chain: string): IptTarget => ({ kind: "jump", chain });

/** ipsetWithIptablesChain: [set, table, from, to, match, protocol]. */
const SET_CHAIN_RULES: readonly [string, "nat" | "filter", string, string, string, Protocol | ""][] = [
  ["KUBE-LOOP-BACK", "nat", "KUBE-POSTROUTING", "MASQUERADE", "dst,dst,src", ""],
  ["KUBE-LOAD-BALANCER", "nat", "KUBE-SERVICES", "KUBE-LOAD-BALANCER", "dst,dst", ""],
  ["KUBE-LOAD-BALANCER-LOCAL", "nat", "KUBE-LOAD-BALANCER", "RETURN", "dst,dst", ""],
  ["KUBE-NODE-PORT-LOCAL-TCP", "nat", "KUBE-NODE-PORT", "RETURN", "dst", "TCP"],
  ["KUBE-NODE-PORT-TCP", "nat", "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst", "TCP"],
  ["KUBE-NODE-PORT-LOCAL-UDP", "nat", "KUBE-NODE-PORT", "RETURN", "dst", "UDP"],
  ["KUBE-NODE-PORT-UDP", "nat", "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst", "UDP"],
  ["KUBE-NODE-PORT-LOCAL-SCTP-HASH", "nat", "KUBE-NODE-PORT", "RETURN", "dst,dst", "SCTP"],
  ["KUBE-NODE-PORT-SCTP-HASH", "nat", "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst,dst", "SCTP"],
  ["KUBE-LOAD-BALANCER-FW", "filter", "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL", "dst,dst", ""],
  ["KUBE-LOAD-BALANCER-SOURCE-CIDR", "filter", "KUBE-SOURCE-RANGES-FIREWALL", "RETURN", "dst,dst,src", ""],
  ["KUBE-LOAD-BALANCER-SOURCE-IP", "filter", "KUBE-SOURCE-RANGES-FIREWALL", "RETURN", "dst,dst,src", ""],
];

function toTarget(to: string): IptTarget {
  return to === "RETURN" || to === "MASQUERADE" ? { kind: to } : jump(to);
}

/** Builds both tables for a node from its ipsets, mark and cluster CIDR. */
export function buildIptables(
  sets: IpsetIndex,
  mark: number,
  clusterCIDR: string,
): { nat: IptTable; filter: IptTable } {
  const nat: IptRule[] = [];
  const filter: IptRule[] = [];
  const portal = { kind: "comment", text: "kubernetes service portals" } as const;
  nat.push(rule("PREROUTING", [portal], jump("KUBE-SERVICES")));
  nat.push(rule("OUTPUT", [portal], jump("KUBE-SERVICES")));
  nat.push(
    rule(
      "POSTROUTING",
      [{ kind: "comment", text: "kubernetes postrouting rules" }],
      jump("KUBE-POSTROUTING"),
    ),
  );
  filter.push(
    rule("INPUT", [{ kind: "comment", text: "kubernetes ipvs access filter" }], jump("KUBE-IPVS-FILTER")),
  );
  filter.push(
    rule("INPUT", [{ kind: "comment", text: "kube-proxy firewall rules" }], jump("KUBE-PROXY-FIREWALL")),
  );
  filter.push(
    rule("INPUT", [{ kind: "comment", text: "kubernetes health check rules" }], jump("KUBE-NODE-PORT")),
  );
  filter.push(
    rule("FORWARD", [{ kind: "comment", text: "kube-proxy firewall rules" }], jump("KUBE-PROXY-FIREWALL")),
  );
  filter.push(
    rule("FORWARD", [{ kind: "comment", text: "kubernetes forwarding rules" }], jump("KUBE-FORWARD")),
  );
  filter.push(
    rule(
      "OUTPUT",
      [{ kind: "comment", text: "kubernetes ipvs access filter" }],
      jump("KUBE-IPVS-OUT-FILTER"),
    ),
  );

  nat.push(rule("KUBE-SERVICES", [{ kind: "src", cidr: "127.0.0.0/8", neg: false }], { kind: "RETURN" }));
  for (const [name, table, from, to, dirs, proto] of SET_CHAIN_RULES) {
    if (sets.isEmpty(name)) continue;
    const ms: IptMatch[] = [comment(name), set(name, dirs)];
    if (proto) ms.unshift({ kind: "proto", proto });
    (table === "nat" ? nat : filter).push(rule(from, ms, toTarget(to)));
  }
  if (!sets.isEmpty("KUBE-CLUSTER-IP")) {
    nat.push(
      rule(
        "KUBE-SERVICES",
        [
          comment("KUBE-CLUSTER-IP"),
          set("KUBE-CLUSTER-IP", "dst,dst"),
          { kind: "src", cidr: clusterCIDR, neg: true },
        ],
        jump("KUBE-MARK-MASQ"),
      ),
    );
  }
  for (const name of ["KUBE-EXTERNAL-IP", "KUBE-EXTERNAL-IP-LOCAL"]) {
    if (sets.isEmpty(name)) continue;
    const base = [comment(name), set(name, "dst,dst")];
    if (name === "KUBE-EXTERNAL-IP") nat.push(rule("KUBE-SERVICES", base, jump("KUBE-MARK-MASQ")));
    nat.push(
      rule(
        "KUBE-SERVICES",
        [...base, { kind: "physdev-is-in", neg: true }, { kind: "addrtype", which: "src", neg: true }],
        { kind: "ACCEPT" },
      ),
    );
    nat.push(
      rule("KUBE-SERVICES", [...base, { kind: "addrtype", which: "dst", neg: false }], { kind: "ACCEPT" }),
    );
  }
  nat.push(rule("KUBE-SERVICES", [{ kind: "addrtype", which: "dst", neg: false }], jump("KUBE-NODE-PORT")));
  nat.push(rule("KUBE-LOAD-BALANCER", [], jump("KUBE-MARK-MASQ")));
  filter.push(rule("KUBE-SOURCE-RANGES-FIREWALL", [], { kind: "DROP" }));
  for (const name of ["KUBE-CLUSTER-IP", "KUBE-LOAD-BALANCER"]) {
    if (!sets.isEmpty(name)) nat.push(rule("KUBE-SERVICES", [set(name, "dst,dst")], { kind: "ACCEPT" }));
  }
  const markMatch = (neg: boolean): IptMatch => ({ kind: "mark", value: mark, neg });
  filter.push(
    rule("KUBE-FORWARD", [{ kind: "comment", text: "kubernetes forwarding rules" }, markMatch(false)], {
      kind: "ACCEPT",
    }),
  );
  filter.push(
    rule(
      "KUBE-FORWARD",
      [
        { kind: "comment", text: "kubernetes forwarding conntrack rule" },
        { kind: "conntrack", states: ["RELATED", "ESTABLISHED"] },
      ],
      { kind: "ACCEPT" },
    ),
  );
  filter.push(
    rule(
      "KUBE-NODE-PORT",
      [comment("KUBE-HEALTH-CHECK-NODE-PORT"), set("KUBE-HEALTH-CHECK-NODE-PORT", "dst")],
      {
        kind: "ACCEPT",
      },
    ),
  );
  for (const [name, dirs] of [
    ["KUBE-LOAD-BALANCER", "dst,dst"],
    ["KUBE-CLUSTER-IP", "dst,dst"],
    ["KUBE-EXTERNAL-IP", "dst,dst"],
    ["KUBE-EXTERNAL-IP-LOCAL", "dst,dst"],
    ["KUBE-HEALTH-CHECK-NODE-PORT", "dst"],
  ] as const) {
    filter.push(rule("KUBE-IPVS-FILTER", [set(name, dirs)], { kind: "RETURN" }));
  }
  filter.push(
    rule("KUBE-IPVS-FILTER", [{ kind: "conntrack", states: ["NEW"] }, set("KUBE-IPVS-IPS", "dst")], {
      kind: "REJECT",
    }),
  );
  nat.push(rule("KUBE-POSTROUTING", [markMatch(true)], { kind: "RETURN" }));
  nat.push(rule("KUBE-POSTROUTING", [], { kind: "MARK-XOR", value: mark }));
  nat.push(
    rule("KUBE-POSTROUTING", [{ kind: "comment", text: "kubernetes service traffic requiring SNAT" }], {
      kind: "MASQUERADE",
    }),
  );
  nat.push(rule("KUBE-MARK-MASQ", [], { kind: "MARK-OR", value: mark }));
  return {
    nat: {
      name: "nat",
      builtins: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
      chains: ["KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ", "KUBE-NODE-PORT", "KUBE-POSTROUTING", "KUBE-SERVICES"],
      rules: nat,
    },
    filter: {
      name: "filter",
      builtins: ["INPUT", "FORWARD", "OUTPUT"],
      chains: [
        "KUBE-FORWARD",
        "KUBE-IPVS-FILTER",
        "KUBE-IPVS-OUT-FILTER",
        "KUBE-NODE-PORT",
        "KUBE-PROXY-FIREWALL",
        "KUBE-SOURCE-RANGES-FIREWALL",
      ],
      rules: filter,
    },
  };
}
