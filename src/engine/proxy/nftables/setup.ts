/**
 * The fixed part of the table, as kube-proxy's `setupNFTables` creates it:
 * sets and maps, base chains on their hooks, the dispatch and check chains.
 */
import type { Hook } from "../../net/types";
import type { Cidr, NftChain, NftSet, NftTable } from "./model";
import * as N from "./names";
import { jump, rule } from "./rules";

function set(kind: NftSet["kind"], name: string, keyKind: NftSet["keyKind"], comment: string): NftSet {
  return { kind, name, keyKind, comment, elements: new Map() };
}

function chain(name: string, base?: { type: "filter" | "nat"; hook: Hook; priority: number }): NftChain {
  return base ? { name, base, rules: [] } : { name, rules: [] };
}

/** What the fixed rules depend on. */
export interface SetupParams {
  /** `1 << masqueradeBit` (0x4000 by default). */
  mark: number;
  /** The ServiceCIDRs (`cluster-ips-check` drops unallocated ClusterIPs). */
  serviceCIDRs: Cidr[];
  /** Node IPs that accept NodePorts (`--nodeport-addresses primary`). */
  nodePortIPs: string[];
}

/** kube-proxy's shared sets and maps, empty, in creation order. */
export function sharedSets(): Map<string, NftSet> {
  const sets = new Map<string, NftSet>();
  for (const s of [
    set("set", N.CLUSTER_IPS, "addr", "Active ClusterIPs"),
    set("set", N.NODEPORT_IPS, "addr", "IPs that accept NodePort traffic"),
    set(
      "map",
      N.NO_ENDPOINT_SERVICES,
      "addr.proto.port",
      "vmap to drop or reject packets to services with no endpoints",
    ),
    set(
      "map",
      N.NO_ENDPOINT_NODEPORTS,
      "proto.port",
      "vmap to drop or reject packets to service nodeports with no endpoints",
    ),
    set(
      "map",
      N.FIREWALL_IPS,
      "addr.proto.port",
      "destinations that are subject to LoadBalancerSourceRanges",
    ),
    set("map", N.SERVICE_IPS, "addr.proto.port", "ClusterIP, ExternalIP and LoadBalancer IP traffic"),
    set("map", N.SERVICE_NODEPORTS, "proto.port", "NodePort traffic"),
  ])
    sets.set(s.name, s);
  return sets;
}

/** A table holding only the (empty) shared sets: what per-Service objects are written into to compare them. */
export function scratchTable(): NftTable {
  return { comment: N.TABLE_COMMENT, sets: sharedSets(), chains: new Map() };
}

/** A fresh table with kube-proxy's base objects, in creation order. */
export function setupTable(p: SetupParams): NftTable {
  const t: NftTable = { comment: N.TABLE_COMMENT, sets: sharedSets(), chains: new Map() };
  for (const ip of p.nodePortIPs) t.sets.get(N.NODEPORT_IPS)?.elements.set(ip, { key: [ip] });

  const chains: NftChain[] = [
    chain("filter-prerouting-pre-dnat", { type: "filter", hook: "PREROUTING", priority: -110 }),
    chain("filter-output-pre-dnat", { type: "filter", hook: "OUTPUT", priority: -110 }),
    chain("filter-input", { type: "filter", hook: "INPUT", priority: 0 }),
    chain("filter-forward", { type: "filter", hook: "FORWARD", priority: 0 }),
    chain("filter-output", { type: "filter", hook: "OUTPUT", priority: 0 }),
    chain("nat-prerouting", { type: "nat", hook: "PREROUTING", priority: -100 }),
    chain("nat-output", { type: "nat", hook: "OUTPUT", priority: -100 }),
    chain("nat-postrouting", { type: "nat", hook: "POSTROUTING", priority: 100 }),
    chain(N.NODEPORT_ENDPOINTS_CHECK),
    chain(N.SERVICE_ENDPOINTS_CHECK),
    chain(N.FIREWALL_CHECK),
    chain(N.SERVICES),
    chain(N.MASQUERADING),
    chain(N.CLUSTER_IPS_CHECK),
    chain(N.MARK_FOR_MASQUERADE),
    { name: N.REJECT_CHAIN, comment: "helper for @no-endpoint-services / @no-endpoint-nodeports", rules: [] },
  ];
  for (const c of chains) t.chains.set(c.name, c);
  const add = (name: string, ...rules: ReturnType<typeof rule>[]): void => {
    t.chains.get(name)?.rules.push(...rules);
  };
  const ctJump = (to: string) => rule({ conds: [{ k: "ctNew" }], action: jump(to) });

  add("filter-prerouting-pre-dnat", ctJump(N.FIREWALL_CHECK));
  add("filter-output-pre-dnat", ctJump(N.FIREWALL_CHECK));
  add("filter-input", ctJump(N.NODEPORT_ENDPOINTS_CHECK), ctJump(N.SERVICE_ENDPOINTS_CHECK));
  add("filter-forward", ctJump(N.SERVICE_ENDPOINTS_CHECK), ctJump(N.CLUSTER_IPS_CHECK));
  add("filter-output", ctJump(N.SERVICE_ENDPOINTS_CHECK), ctJump(N.CLUSTER_IPS_CHECK));
  add("nat-prerouting", rule({ action: jump(N.SERVICES) }));
  add("nat-output", rule({ action: jump(N.SERVICES) }));
  add("nat-postrouting", rule({ action: jump(N.MASQUERADING) }));
  add(
    N.NODEPORT_ENDPOINTS_CHECK,
    rule({
      conds: [{ k: "inSet", field: "daddr", set: N.NODEPORT_IPS }],
      action: { k: "vmap", map: N.NO_ENDPOINT_NODEPORTS, key: "proto.port" },
    }),
  );
  add(
    N.SERVICE_ENDPOINTS_CHECK,
    rule({ action: { k: "vmap", map: N.NO_ENDPOINT_SERVICES, key: "addr.proto.port" } }),
  );
  add(N.FIREWALL_CHECK, rule({ action: { k: "vmap", map: N.FIREWALL_IPS, key: "addr.proto.port" } }));
  add(
    N.SERVICES,
    rule({ action: { k: "vmap", map: N.SERVICE_IPS, key: "addr.proto.port" } }),
    rule({
      conds: [{ k: "inSet", field: "daddr", set: N.NODEPORT_IPS }],
      action: { k: "vmap", map: N.SERVICE_NODEPORTS, key: "proto.port" },
    }),
  );
  add(
    N.MASQUERADING,
    rule({ conds: [{ k: "markZero", mask: p.mark }], action: { k: "return" } }),
    rule({ stmts: [{ k: "markXor", value: p.mark }] }),
    rule({ stmts: [{ k: "masquerade" }] }),
  );
  add(
    N.CLUSTER_IPS_CHECK,
    rule({
      conds: [{ k: "inSet", field: "daddr", set: N.CLUSTER_IPS }],
      action: { k: "reject" },
      comment: "Reject traffic to invalid ports of ClusterIPs",
    }),
  );
  if (p.serviceCIDRs.length > 0)
    add(
      N.CLUSTER_IPS_CHECK,
      rule({
        conds: [{ k: "addr", field: "daddr", neg: false, cidrs: p.serviceCIDRs }],
        action: { k: "drop" },
        comment: "Drop traffic to unallocated ClusterIPs",
      }),
    );
  add(N.MARK_FOR_MASQUERADE, rule({ stmts: [{ k: "markOr", value: p.mark }] }));
  add(N.REJECT_CHAIN, rule({ action: { k: "reject" } }));
  return t;
}
