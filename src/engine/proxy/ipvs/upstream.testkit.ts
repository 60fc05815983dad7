/**
 * Upstream kube-proxy's IPVS proxier tests (`pkg/proxy/ipvs/proxier_test.go`),
 * their Services and EndpointSlices and what they expect, transcribed. Each
 * upstream test syncs a fake proxier on `test-node` once and then checks:
 *
 * - the virtual servers and their real servers: either the whole fake IPVS
 *   table (`reflect.DeepEqual`, TestNodePortIPv4) or `checkIPVS` (how many
 *   virtual servers there are, and the real servers of one, when it exists);
 * - `checkIPSet`: each named set's members, sorted, in `ipset` entry form;
 * - `checkIptables`: for each chain, a rule jumping to each target (matching
 *   the set, when one is named).
 *
 * Here virtual servers are written as `ipvsadm -Ln` prints them
 * (`PROTO  VIP:PORT SCHED`) with their real servers as `IP:PORT WEIGHT`, and
 * the jumps as `-j TARGET` with the `--match-set` the rule tests.
 */

import type { EndpointSlice, Node, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";

/** The fake proxier's node name. */
export const TEST_NODE = "test-node";

type Protocol = "TCP" | "UDP" | "SCTP";

/** One upstream test (or one case of a table-driven test). */
export interface UpstreamCase {
  /** `TestName` or `TestName/case name`. */
  name: string;
  input: ProxyInput;
  /** The whole IPVS table (DeepEqual), virtual server → its real servers. */
  ipvs?: Record<string, string[]>;
  /** `checkIPVS`: the number of virtual servers, and one's real servers when it exists. */
  checkIPVS?: { count: number; vs: string; rs: string[] };
  /** `checkIPSet`: set name → its members. */
  ipsets?: Record<string, string[]>;
  /** `checkIptables`: chain → `[target, match-set]` jumps it must hold (`""`: any rule). */
  iptables?: Record<string, [string, string][]>;
}

const meta = (name: string, namespace: string, labels?: Record<string, string>) => ({
  name,
  namespace,
  labels,
  uid: `uid-${namespace}-${name}`,
  creationTimestamp: "2026-01-05T09:00:00Z",
  resourceVersion: "1",
});

function testNode(ips: readonly string[]): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(TEST_NODE, ""),
    status: { addresses: ips.map((address) => ({ type: "InternalIP", address })) },
  };
}

function svc(name: string, spec: Service["spec"], status?: Service["status"]): Service {
  return { apiVersion: "v1", kind: "Service", metadata: meta(name, "ns1"), spec, status };
}

/** `makeTestEndpointSlice("ns1", svc, n, ...)`: one port `p80`/80. */
function eps(
  service: string,
  n: number,
  protocol: Protocol,
  endpoints: { ip: string; node?: string }[],
  addressType: "IPv4" | "IPv6" = "IPv4",
): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: meta(`${service}-${n}`, "ns1", { "kubernetes.io/service-name": service }),
    addressType,
    ports: [{ name: "p80", port: 80, protocol }],
    endpoints: endpoints.map((e) => ({ addresses: [e.ip], ...(e.node ? { nodeName: e.node } : {}) })),
  };
}

function input(nodeIPs: readonly string[], services: Service[], slices: EndpointSlice[]): ProxyInput {
  return {
    config: { ...defaultClusterConfig(), proxyMode: "ipvs" },
    nodes: [testNode(nodeIPs)],
    services,
    endpointSlices: slices,
  };
}

const nodePort = (protocol: Protocol, extra: Partial<NonNullable<Service["spec"]>> = {}): Service =>
  svc("svc1", {
    type: "NodePort",
    clusterIP: "10.20.30.41",
    ports: [{ name: "p80", port: 80, protocol, nodePort: 3001 }],
    ...extra,
  });

const LOCAL_AND_REMOTE = [
  { ip: "10.180.0.1", node: TEST_NODE },
  { ip: "10.180.1.1", node: "other-node" },
];

/** KUBE-SERVICES' jumps every test with a ClusterIP expects. */
const SERVICES_JUMPS: [string, string][] = [
  ["RETURN", ""],
  ["KUBE-MARK-MASQ", "KUBE-CLUSTER-IP"],
  ["KUBE-NODE-PORT", ""],
  ["ACCEPT", "KUBE-CLUSTER-IP"],
];
/** ... and with a load balancer. */
const LB_SERVICES_JUMPS: [string, string][] = [
  ["RETURN", ""],
  ["KUBE-LOAD-BALANCER", "KUBE-LOAD-BALANCER"],
  ["KUBE-MARK-MASQ", "KUBE-CLUSTER-IP"],
  ["KUBE-NODE-PORT", ""],
  ["ACCEPT", "KUBE-CLUSTER-IP"],
  ["ACCEPT", "KUBE-LOAD-BALANCER"],
];
const LOCAL_NODE_PORT_JUMPS = (proto: "TCP" | "SCTP-HASH"): [string, string][] => [
  ["RETURN", `KUBE-NODE-PORT-LOCAL-${proto}`],
  ["KUBE-MARK-MASQ", `KUBE-NODE-PORT-${proto}`],
  ["ACCEPT", "KUBE-HEALTH-CHECK-NODE-PORT"],
];

const lb = (extra: Partial<NonNullable<Service["spec"]>>, nodePortNumber?: number): Service =>
  svc(
    "svc1",
    {
      type: "LoadBalancer",
      clusterIP: "10.20.30.41",
      ports: [
        { name: "p80", port: 80, protocol: "TCP", ...(nodePortNumber ? { nodePort: nodePortNumber } : {}) },
      ],
      ...extra,
    },
    { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } },
  );

/** The cases, in upstream's order. */
export const UPSTREAM_CASES: UpstreamCase[] = [
  {
    name: "TestNodePortIPv4/1 service with node port, has 2 endpoints",
    // The IPv6 node address and slice are the IPv6 proxier's: the IPv4 one ignores them.
    input: input(
      ["100.101.102.103"],
      [nodePort("TCP")],
      [
        eps("svc1", 1, "TCP", [{ ip: "10.180.0.1" }]),
        eps("svc1", 2, "TCP", [{ ip: "1002:ab8::2:10" }], "IPv6"),
      ],
    ),
    ipvs: {
      "TCP  10.20.30.41:80 rr": ["10.180.0.1:80 1"],
      "TCP  100.101.102.103:3001 rr": ["10.180.0.1:80 1"],
    },
  },
  {
    name: "TestNodePortIPv4/1 UDP service with node port, has endpoints",
    input: input(["100.101.102.103"], [nodePort("UDP")], [eps("svc1", 1, "UDP", [{ ip: "10.180.0.1" }])]),
    ipvs: {
      "UDP  10.20.30.41:80 rr": ["10.180.0.1:80 1"],
      "UDP  100.101.102.103:3001 rr": ["10.180.0.1:80 1"],
    },
    ipsets: { "KUBE-NODE-PORT-UDP": ["3001"] },
    iptables: {
      "KUBE-NODE-PORT": [
        ["KUBE-MARK-MASQ", "KUBE-NODE-PORT-UDP"],
        ["ACCEPT", "KUBE-HEALTH-CHECK-NODE-PORT"],
      ],
      "KUBE-SERVICES": SERVICES_JUMPS,
    },
  },
  {
    name: "TestNodePortIPv4/service has node port but no endpoints",
    input: input(["100.101.102.103"], [nodePort("TCP")], []),
    ipvs: { "TCP  10.20.30.41:80 rr": [], "TCP  100.101.102.103:3001 rr": [] },
  },
  {
    name: "TestNodePortIPv4/node port service with protocol sctp on a node with multiple nodeIPs",
    input: input(
      ["100.101.102.103", "100.101.102.104", "100.101.102.105"],
      [nodePort("SCTP")],
      [eps("svc1", 1, "SCTP", [{ ip: "10.180.0.1" }])],
    ),
    ipvs: {
      "SCTP  10.20.30.41:80 rr": ["10.180.0.1:80 1"],
      "SCTP  100.101.102.103:3001 rr": ["10.180.0.1:80 1"],
      "SCTP  100.101.102.104:3001 rr": ["10.180.0.1:80 1"],
      "SCTP  100.101.102.105:3001 rr": ["10.180.0.1:80 1"],
    },
    ipsets: {
      "KUBE-NODE-PORT-SCTP-HASH": [
        "100.101.102.103,sctp:3001",
        "100.101.102.104,sctp:3001",
        "100.101.102.105,sctp:3001",
      ],
    },
  },
  {
    name: "TestNodePortIPv4/node port service with protocol sctp and externalTrafficPolicy local",
    input: input(
      ["100.101.102.103"],
      [nodePort("SCTP", { externalTrafficPolicy: "Local" })],
      [eps("svc1", 1, "SCTP", LOCAL_AND_REMOTE)],
    ),
    ipvs: {
      "SCTP  10.20.30.41:80 rr": ["10.180.0.1:80 1", "10.180.1.1:80 1"],
      "SCTP  100.101.102.103:3001 rr": ["10.180.0.1:80 1"],
    },
    ipsets: {
      "KUBE-NODE-PORT-SCTP-HASH": ["100.101.102.103,sctp:3001"],
      "KUBE-NODE-PORT-LOCAL-SCTP-HASH": ["100.101.102.103,sctp:3001"],
    },
    iptables: { "KUBE-NODE-PORT": LOCAL_NODE_PORT_JUMPS("SCTP-HASH") },
  },
  {
    // Upstream's slice port is UDP, so the TCP Service has no endpoints; the virtual server
    // it names (1.2.3.4:3001) does not exist, so checkIPVS holds only the count.
    name: "TestLoadBalancer",
    input: input([], [lb({}, 3001)], [eps("svc1", 1, "UDP", [{ ip: "10.180.0.1" }])]),
    checkIPVS: { count: 2, vs: "TCP  1.2.3.4:3001 rr", rs: ["10.180.0.1:80 1"] },
    ipsets: { "KUBE-LOAD-BALANCER": ["1.2.3.4,tcp:80"] },
    iptables: { "KUBE-SERVICES": LB_SERVICES_JUMPS, "KUBE-LOAD-BALANCER": [["KUBE-MARK-MASQ", ""]] },
  },
  {
    name: "TestOnlyLocalNodePorts",
    input: input(
      ["100.101.102.103"],
      [nodePort("TCP", { externalTrafficPolicy: "Local" })],
      [eps("svc1", 1, "TCP", LOCAL_AND_REMOTE)],
    ),
    checkIPVS: { count: 2, vs: "TCP  100.101.102.103:3001 rr", rs: ["10.180.0.1:80 1"] },
    ipsets: { "KUBE-NODE-PORT-TCP": ["3001"], "KUBE-NODE-PORT-LOCAL-TCP": ["3001"] },
    iptables: { "KUBE-SERVICES": SERVICES_JUMPS, "KUBE-NODE-PORT": LOCAL_NODE_PORT_JUMPS("TCP") },
  },
  {
    name: "TestHealthCheckNodePort",
    input: input(
      ["100.101.102.103"],
      [
        ["valid-svc1", 30000, "Local"],
        ["valid-svc2", 30001, "Local"],
        ["invalid-svc3", 30002, "Cluster"],
      ].map(([name, hc, policy]) =>
        svc(name as string, {
          type: "LoadBalancer",
          clusterIP: "10.20.30.41",
          ports: [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3000 }],
          externalTrafficPolicy: policy as "Local" | "Cluster",
          healthCheckNodePort: hc as number,
        }),
      ),
      [],
    ),
    ipsets: { "KUBE-HEALTH-CHECK-NODE-PORT": ["30000", "30001"] },
    iptables: { "KUBE-NODE-PORT": LOCAL_NODE_PORT_JUMPS("TCP") },
  },
  {
    name: "TestLoadBalancerSourceRanges",
    input: input(
      [],
      [lb({ loadBalancerSourceRanges: ["10.0.0.0/8"] })],
      [eps("svc1", 1, "TCP", [{ ip: "10.180.0.1" }])],
    ),
    checkIPVS: { count: 2, vs: "TCP  1.2.3.4:80 rr", rs: ["10.180.0.1:80 1"] },
    ipsets: {
      "KUBE-LOAD-BALANCER": ["1.2.3.4,tcp:80"],
      "KUBE-LOAD-BALANCER-FW": ["1.2.3.4,tcp:80"],
      "KUBE-LOAD-BALANCER-SOURCE-CIDR": ["1.2.3.4,tcp:80,10.0.0.0/8"],
    },
    iptables: {
      "KUBE-SERVICES": LB_SERVICES_JUMPS,
      "KUBE-PROXY-FIREWALL": [["KUBE-SOURCE-RANGES-FIREWALL", "KUBE-LOAD-BALANCER-FW"]],
      "KUBE-SOURCE-RANGES-FIREWALL": [
        ["RETURN", "KUBE-LOAD-BALANCER-SOURCE-CIDR"],
        ["DROP", ""],
      ],
    },
  },
  {
    name: "TestOnlyLocalLoadBalancing",
    input: input(
      [],
      [lb({ externalTrafficPolicy: "Local" }, 3001)],
      [eps("svc1", 1, "TCP", LOCAL_AND_REMOTE)],
    ),
    checkIPVS: { count: 2, vs: "TCP  1.2.3.4:80 rr", rs: ["10.180.0.1:80 1"] },
    ipsets: { "KUBE-LOAD-BALANCER": ["1.2.3.4,tcp:80"], "KUBE-LOAD-BALANCER-LOCAL": ["1.2.3.4,tcp:80"] },
    iptables: {
      "KUBE-SERVICES": LB_SERVICES_JUMPS,
      "KUBE-LOAD-BALANCER": [
        ["RETURN", "KUBE-LOAD-BALANCER-LOCAL"],
        ["KUBE-MARK-MASQ", ""],
      ],
    },
  },
];
