/**
 * The iptables rules kube-proxy still writes in IPVS mode
 * (`pkg/proxy/ipvs/proxier.go`, `writeIptablesRules`), loaded into the
 * shared netfilter model: `iptables-save`, `iptables -L` and the packet path
 * (netfilter/evaluate.ts) read the same rules, as kube-proxy feeds the same
 * `iptables-restore` in both modes.
 */
import type { Protocol } from "../../net/types";
import { appendRuleText, ensureChain, newRuleset, type Ruleset, type Table } from "../iptables/netfilter";
import type { IpsetIndex } from "./ipsets";
import { IPSET_INFO } from "./ipsets";

const hex = (n: number): string => `0x${n.toString(16)}`;
/** A comment as iptables-save prints it: quoted unless it is one plain word. */
const quote = (s: string): string => (/^[A-Za-z0-9_-]+$/.test(s) ? s : `"${s}"`);
const comment = (text: string): string => `-m comment --comment ${quote(text)}`;

const SET_COMMENT: ReadonlyMap<string, string> = new Map(IPSET_INFO.map((i) => [i.name, i.comment]));
const setComment = (set: string): string => comment(SET_COMMENT.get(set) ?? "");
const matchSet = (name: string, dirs: string): string => `-m set --match-set ${name} ${dirs}`;

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

const NAT_CHAINS = [
  "KUBE-LOAD-BALANCER",
  "KUBE-MARK-MASQ",
  "KUBE-NODE-PORT",
  "KUBE-POSTROUTING",
  "KUBE-SERVICES",
];
const FILTER_CHAINS = [
  "KUBE-FORWARD",
  "KUBE-IPVS-FILTER",
  "KUBE-IPVS-OUT-FILTER",
  "KUBE-NODE-PORT",
  "KUBE-PROXY-FIREWALL",
  "KUBE-SOURCE-RANGES-FIREWALL",
];

/** `-j TARGET` for a chain jump, RETURN or MASQUERADE. */
function jumpTo(to: string): string {
  return to === "MASQUERADE" ? "-j MASQUERADE --random-fully" : `-j ${to}`;
}

/**
 * The node's nat and filter rules in IPVS mode, from its ipsets, masquerade
 * mark and cluster CIDR: rules are written in kube-proxy's order (a rule per
 * non-empty set), each with `-s`, then `-p`, then its `-m` matches.
 */
export function writeIpvsIptables(
  sets: IpsetIndex,
  mark: number,
  clusterCIDR: string,
  masqueradeAll = false,
): Ruleset {
  const rs = newRuleset(["mangle", "filter", "nat"]);
  const nat = rs.tables.nat!;
  const filter = rs.tables.filter!;
  for (const c of NAT_CHAINS) ensureChain(nat, c);
  for (const c of FILTER_CHAINS) ensureChain(filter, c);
  const add = (t: Table, chain: string, ...parts: string[]) =>
    appendRuleText(t, chain, parts.filter((p) => p !== "").join(" "));
  const portals = comment("kubernetes service portals");
  add(nat, "PREROUTING", portals, "-j KUBE-SERVICES");
  add(nat, "OUTPUT", portals, "-j KUBE-SERVICES");
  add(nat, "POSTROUTING", comment("kubernetes postrouting rules"), "-j KUBE-POSTROUTING");
  add(filter, "INPUT", comment("kubernetes ipvs access filter"), "-j KUBE-IPVS-FILTER");
  add(filter, "INPUT", comment("kube-proxy firewall rules"), "-j KUBE-PROXY-FIREWALL");
  add(filter, "INPUT", comment("kubernetes health check rules"), "-j KUBE-NODE-PORT");
  add(filter, "FORWARD", comment("kube-proxy firewall rules"), "-j KUBE-PROXY-FIREWALL");
  add(filter, "FORWARD", comment("kubernetes forwarding rules"), "-j KUBE-FORWARD");
  add(filter, "OUTPUT", comment("kubernetes ipvs access filter"), "-j KUBE-IPVS-OUT-FILTER");

  add(nat, "KUBE-SERVICES", "-s 127.0.0.0/8", "-j RETURN");
  for (const [name, table, from, to, dirs, proto] of SET_CHAIN_RULES) {
    if (sets.isEmpty(name)) continue;
    const p = proto ? `-p ${proto.toLowerCase()}` : "";
    add(table === "nat" ? nat : filter, from, p, setComment(name), matchSet(name, dirs), jumpTo(to));
  }
  // Traffic to a ClusterIP from outside the pod network is masqueraded; with masqueradeAll every
  // packet is; with no local detector, only the node's own connections from a VIP (`src,dst`).
  if (!sets.isEmpty("KUBE-CLUSTER-IP"))
    add(
      nat,
      "KUBE-SERVICES",
      masqueradeAll || !clusterCIDR ? "" : `! -s ${clusterCIDR}`,
      setComment("KUBE-CLUSTER-IP"),
      matchSet("KUBE-CLUSTER-IP", masqueradeAll || clusterCIDR ? "dst,dst" : "src,dst"),
      "-j KUBE-MARK-MASQ",
    );
  for (const name of ["KUBE-EXTERNAL-IP", "KUBE-EXTERNAL-IP-LOCAL"]) {
    if (sets.isEmpty(name)) continue;
    const base = `${setComment(name)} ${matchSet(name, "dst,dst")}`;
    if (name === "KUBE-EXTERNAL-IP") add(nat, "KUBE-SERVICES", base, "-j KUBE-MARK-MASQ");
    add(
      nat,
      "KUBE-SERVICES",
      base,
      "-m physdev ! --physdev-is-in",
      "-m addrtype ! --src-type LOCAL",
      "-j ACCEPT",
    );
    add(nat, "KUBE-SERVICES", base, "-m addrtype --dst-type LOCAL", "-j ACCEPT");
  }
  add(nat, "KUBE-SERVICES", "-m addrtype --dst-type LOCAL", "-j KUBE-NODE-PORT");
  add(nat, "KUBE-LOAD-BALANCER", "-j KUBE-MARK-MASQ");
  add(filter, "KUBE-SOURCE-RANGES-FIREWALL", "-j DROP");
  for (const name of ["KUBE-CLUSTER-IP", "KUBE-LOAD-BALANCER"])
    if (!sets.isEmpty(name)) add(nat, "KUBE-SERVICES", matchSet(name, "dst,dst"), "-j ACCEPT");
  const markMatch = (neg: boolean) => `-m mark ${neg ? "! " : ""}--mark ${hex(mark)}/${hex(mark)}`;
  add(filter, "KUBE-FORWARD", comment("kubernetes forwarding rules"), markMatch(false), "-j ACCEPT");
  add(
    filter,
    "KUBE-FORWARD",
    comment("kubernetes forwarding conntrack rule"),
    "-m conntrack --ctstate RELATED,ESTABLISHED",
    "-j ACCEPT",
  );
  add(
    filter,
    "KUBE-NODE-PORT",
    setComment("KUBE-HEALTH-CHECK-NODE-PORT"),
    matchSet("KUBE-HEALTH-CHECK-NODE-PORT", "dst"),
    "-j ACCEPT",
  );
  for (const [name, dirs] of [
    ["KUBE-LOAD-BALANCER", "dst,dst"],
    ["KUBE-CLUSTER-IP", "dst,dst"],
    ["KUBE-EXTERNAL-IP", "dst,dst"],
    ["KUBE-EXTERNAL-IP-LOCAL", "dst,dst"],
    ["KUBE-HEALTH-CHECK-NODE-PORT", "dst"],
  ] as const)
    add(filter, "KUBE-IPVS-FILTER", matchSet(name, dirs), "-j RETURN");
  add(
    filter,
    "KUBE-IPVS-FILTER",
    "-m conntrack --ctstate NEW",
    matchSet("KUBE-IPVS-IPS", "dst"),
    "-j REJECT --reject-with icmp-port-unreachable",
  );
  add(nat, "KUBE-POSTROUTING", markMatch(true), "-j RETURN");
  add(nat, "KUBE-POSTROUTING", `-j MARK --set-xmark ${hex(mark)}/0x0`);
  add(
    nat,
    "KUBE-POSTROUTING",
    comment("kubernetes service traffic requiring SNAT"),
    "-j MASQUERADE --random-fully",
  );
  add(nat, "KUBE-MARK-MASQ", `-j MARK --set-xmark ${hex(mark)}/${hex(mark)}`);
  return rs;
}

/** How many rules reference each ipset (what `ipset list` shows as References). */
export function setReferences(rs: Ruleset): Map<string, number> {
  const refs = new Map<string, number>();
  for (const t of [rs.tables.nat, rs.tables.filter])
    for (const chain of t?.chains.values() ?? [])
      for (const r of chain.rules)
        for (const m of r.matches) if (m.name === "set") refs.set(m.setName, (refs.get(m.setName) ?? 0) + 1);
  return refs;
}
