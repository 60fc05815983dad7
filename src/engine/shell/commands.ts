/**
 * Every command the terminal knows, wired to the simulation's subsystems.
 * Which of them a context may run is the shell's business (images.ts).
 */
import type { Pod } from "../api/types";
import type { Cluster } from "../cluster";
import type { Dns } from "../dns/contract";
import { makeIptablesCommands } from "../proxy/iptables/commands";
import type { IptablesDataPlane } from "../proxy/iptables/dataPlane";
import { newRuleset } from "../proxy/iptables/netfilter";
import { makeIpset, makeIpvsadm, renderKubeIpvs0 } from "../proxy/ipvs";
import type { IpvsDataPlane } from "../proxy/ipvs/dataplane";
import { nftCommand } from "../proxy/nftables";
import type { ProxyRuntime } from "../proxy/runtime";
import { DNS_COMMANDS, podFiles as dnsPodFiles } from "./dns/commands";
import { kubectl } from "./kubectl";
import { conntrack } from "./net/conntrack";
import { curl } from "./net/curl";
import { makeIpCommand } from "./net/ip";
import { trace } from "./net/trace";
import type { Command } from "./types";

export function buildCommands(proxy: ProxyRuntime): Record<string, Command> {
  const planeIn =
    <T>(mode: string) =>
    (node: string) =>
      proxy.mode === mode ? (proxy.dataPlaneFor(node) as T) : undefined;
  const ipvs = planeIn<IpvsDataPlane>("ipvs");
  const { iptables, iptablesSave } = makeIptablesCommands((node) => {
    if (proxy.mode === "iptables") return proxy.dataPlaneFor(node) as IptablesDataPlane;
    const plane = ipvs(node);
    // NOTE: in nftables mode kube-proxy writes no iptables rules; the tables show only their built-in chains.
    return { ruleset: plane ? plane.iptables() : newRuleset(["mangle", "filter", "nat"]) };
  });
  return {
    kubectl,
    ...DNS_COMMANDS,
    curl,
    trace,
    conntrack,
    ip: makeIpCommand((_env, node, ifindex) => {
      const plane = ipvs(node);
      return plane ? renderKubeIpvs0(plane.state, ifindex) : "";
    }),
    iptables,
    "iptables-save": iptablesSave,
    ipvsadm: makeIpvsadm(ipvs),
    ipset: makeIpset(ipvs),
    nft: nftCommand(planeIn("nftables")),
  };
}

/** A pod's own files: /etc/resolv.conf, /etc/hosts, /etc/hostname. */
export function podFiles(cluster: Cluster, dns: Dns, pod: Pod): Map<string, string> {
  return dnsPodFiles(cluster, dns, pod);
}
