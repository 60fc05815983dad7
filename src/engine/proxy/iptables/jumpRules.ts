/**
 * Rules outside kube-proxy's restore input: its jumps from the built-in
 * chains (`iptablesJumpChains`, each `EnsureRule(Prepend, …)`, so the last
 * listed ends up first), kubelet's KUBE-FIREWALL jumps and both canary chains.
 * NOTE: a real node also carries its CNI plugin's and container runtime's rules.
 */
import { appendRule, ensureChain } from "./netfilter/ruleset";
import type { Ruleset } from "./netfilter/types";

type Jump = [table: "filter" | "nat", chain: string, args: string[]];

const c = (text: string) => ["-m", "comment", "--comment", `"${text}"`];
const ctNew = ["-m", "conntrack", "--ctstate", "NEW"];

/** Built-in chain rules in their final order, top to bottom. */
export const BUILTIN_JUMPS: readonly Jump[] = [
  ["filter", "INPUT", [...ctNew, ...c("kubernetes load balancer firewall"), "-j", "KUBE-PROXY-FIREWALL"]],
  ["filter", "INPUT", [...c("kubernetes health check service ports"), "-j", "KUBE-NODEPORTS"]],
  [
    "filter",
    "INPUT",
    [...ctNew, ...c("kubernetes externally-visible service portals"), "-j", "KUBE-EXTERNAL-SERVICES"],
  ],
  ["filter", "INPUT", ["-j", "KUBE-FIREWALL"]],
  ["filter", "FORWARD", [...ctNew, ...c("kubernetes load balancer firewall"), "-j", "KUBE-PROXY-FIREWALL"]],
  ["filter", "FORWARD", [...c("kubernetes forwarding rules"), "-j", "KUBE-FORWARD"]],
  ["filter", "FORWARD", [...ctNew, ...c("kubernetes service portals"), "-j", "KUBE-SERVICES"]],
  [
    "filter",
    "FORWARD",
    [...ctNew, ...c("kubernetes externally-visible service portals"), "-j", "KUBE-EXTERNAL-SERVICES"],
  ],
  ["filter", "OUTPUT", [...ctNew, ...c("kubernetes load balancer firewall"), "-j", "KUBE-PROXY-FIREWALL"]],
  ["filter", "OUTPUT", [...ctNew, ...c("kubernetes service portals"), "-j", "KUBE-SERVICES"]],
  ["filter", "OUTPUT", ["-j", "KUBE-FIREWALL"]],
  ["nat", "PREROUTING", [...c("kubernetes service portals"), "-j", "KUBE-SERVICES"]],
  ["nat", "OUTPUT", [...c("kubernetes service portals"), "-j", "KUBE-SERVICES"]],
  ["nat", "POSTROUTING", [...c("kubernetes postrouting rules"), "-j", "KUBE-POSTROUTING"]],
];

/** Empty chains kubelet and kube-proxy create to notice a flush of their rules. */
export const CANARY_CHAINS = ["KUBE-KUBELET-CANARY", "KUBE-PROXY-CANARY"];

/** Installs the jumps and canaries into a fresh ruleset (mangle, filter, nat). */
export function installJumps(rs: Ruleset): void {
  for (const [table, chain, args] of BUILTIN_JUMPS) appendRule(rs.tables[table]!, chain, args);
  for (const t of ["mangle", "filter", "nat"] as const)
    for (const name of CANARY_CHAINS) ensureChain(rs.tables[t]!, name);
  ensureChain(rs.tables.filter!, "KUBE-FIREWALL");
}
