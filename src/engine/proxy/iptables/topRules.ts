/**
 * The chains kube-proxy fills on every sync regardless of services:
 * KUBE-POSTROUTING, KUBE-MARK-MASQ, KUBE-FIREWALL, KUBE-FORWARD and the
 * tail jump from KUBE-SERVICES to KUBE-NODEPORTS (`syncProxyRules`).
 */
import { cidrTextContains } from "../../api/ipv4";
import { type IptablesProxyOptions, masqueradeMarkText } from "./options";
import { declareChain, type RestoreBuffer, writeRule } from "./restoreBuffer";

export const FILTER_TOP_CHAINS = [
  "KUBE-SERVICES",
  "KUBE-EXTERNAL-SERVICES",
  "KUBE-FORWARD",
  "KUBE-NODEPORTS",
  "KUBE-PROXY-FIREWALL",
];
export const NAT_TOP_CHAINS = ["KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ"];

/** Declarations plus the rules written before the per-service loop. */
export function writeTopHead(buf: RestoreBuffer, o: IptablesProxyOptions): void {
  for (const c of FILTER_TOP_CHAINS) declareChain(buf, "filter", c);
  for (const c of NAT_TOP_CHAINS) declareChain(buf, "nat", c);
  const mark = masqueradeMarkText(o);
  writeRule(buf, "nat", "KUBE-POSTROUTING", ["-m", "mark", "!", "--mark", `${mark}/${mark}`, "-j", "RETURN"]);
  writeRule(buf, "nat", "KUBE-POSTROUTING", ["-j", "MARK", "--xor-mark", mark]);
  writeRule(buf, "nat", "KUBE-POSTROUTING", [
    "-m",
    "comment",
    "--comment",
    '"kubernetes service traffic requiring SNAT"',
    "-j",
    "MASQUERADE",
    ...(o.randomFully ? ["--random-fully"] : []),
  ]);
  writeRule(buf, "nat", "KUBE-MARK-MASQ", ["-j", "MARK", "--or-mark", mark]);
  if (o.localhostNodePorts) {
    declareChain(buf, "filter", "KUBE-FIREWALL");
    writeRule(buf, "filter", "KUBE-FIREWALL", [
      "-m",
      "comment",
      "--comment",
      '"block incoming localnet connections"',
      "-d",
      "127.0.0.0/8",
      "!",
      "-s",
      "127.0.0.0/8",
      "-m",
      "conntrack",
      "!",
      "--ctstate",
      "RELATED,ESTABLISHED,DNAT",
      "-j",
      "DROP",
    ]);
  }
}

/** The rules written after the per-service loop. */
export function writeTopTail(buf: RestoreBuffer, o: IptablesProxyOptions, nodeIPs: readonly string[]): void {
  const comment = [
    "-m",
    "comment",
    "--comment",
    '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"',
  ];
  if (o.nodePortAddresses.length === 0) {
    const dest = [
      "-m",
      "addrtype",
      "--dst-type",
      "LOCAL",
      ...(o.localhostNodePorts ? [] : ["!", "-d", "127.0.0.0/8"]),
    ];
    writeRule(buf, "nat", "KUBE-SERVICES", [...comment, ...dest, "-j", "KUBE-NODEPORTS"]);
  } else {
    const ips = [...nodeIPs, "127.0.0.1"].filter((ip) =>
      o.nodePortAddresses.some((c) => cidrTextContains(c, ip)),
    );
    for (const ip of ips) {
      if (ip.startsWith("127.") && !o.localhostNodePorts) continue;
      writeRule(buf, "nat", "KUBE-SERVICES", [...comment, "-d", ip, "-j", "KUBE-NODEPORTS"]);
    }
  }
  if (!o.conntrackTCPLiberal) {
    const acct = o.nfacct ? ["-m", "nfacct", "--nfacct-name", "ct_state_invalid_dropped_pkts"] : [];
    writeRule(buf, "filter", "KUBE-FORWARD", [
      "-m",
      "conntrack",
      "--ctstate",
      "INVALID",
      ...acct,
      "-j",
      "DROP",
    ]);
  }
  const mark = masqueradeMarkText(o);
  writeRule(buf, "filter", "KUBE-FORWARD", [
    "-m",
    "comment",
    "--comment",
    '"kubernetes forwarding rules"',
    "-m",
    "mark",
    "--mark",
    `${mark}/${mark}`,
    "-j",
    "ACCEPT",
  ]);
  writeRule(buf, "filter", "KUBE-FORWARD", [
    "-m",
    "comment",
    "--comment",
    '"kubernetes forwarding conntrack rule"',
    "-m",
    "conntrack",
    "--ctstate",
    "RELATED,ESTABLISHED",
    "-j",
    "ACCEPT",
  ]);
}
