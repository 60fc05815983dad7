/**
 * Plain Service / EndpointSlice / Node objects for tests and benchmarks,
 * including the inputs of upstream's `TestOverallIPTablesRules`.
 */

import type { EndpointSlice, Node, ObjectMeta, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";
import type { IptablesProxyOptions } from "./options";

const meta = (name: string, namespace?: string, labels?: Record<string, string>): ObjectMeta => ({
  name,
  ...(namespace ? { namespace } : {}),
  ...(labels ? { labels } : {}),
  uid: `uid-${namespace ?? ""}-${name}`,
  creationTimestamp: "2026-01-05T09:00:00Z",
  resourceVersion: "1",
});

export function service(
  namespace: string,
  name: string,
  spec: Service["spec"],
  status?: Service["status"],
): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta(name, namespace),
    spec,
    ...(status ? { status } : {}),
  };
}

export interface TestEndpoint {
  ip: string;
  nodeName?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function slice(
  namespace: string,
  svc: string,
  ports: { name?: string; port: number; protocol?: "TCP" | "UDP" | "SCTP" }[],
  endpoints: TestEndpoint[],
  suffix = "abcde",
): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: meta(`${svc}-${suffix}`, namespace, { "kubernetes.io/service-name": svc }),
    addressType: "IPv4",
    ports: ports.map((p) => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      port: p.port,
      protocol: p.protocol ?? "TCP",
    })),
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      ...(e.ready !== undefined || e.serving !== undefined || e.terminating !== undefined
        ? {
            conditions: {
              ...(e.ready !== undefined ? { ready: e.ready } : {}),
              ...(e.serving !== undefined ? { serving: e.serving } : {}),
              ...(e.terminating !== undefined ? { terminating: e.terminating } : {}),
            },
          }
        : {}),
    })),
  };
}

export function node(name: string, ip: string): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(name),
    status: {
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
    },
  };
}

/** The fake proxier of `pkg/proxy/iptables/proxier_test.go`. */
export const UPSTREAM_TEST_OPTIONS: Partial<IptablesProxyOptions> = {
  clusterCIDR: "10.0.0.0/8",
  markFormat: "unit-test",
  randomFully: false,
  nfacct: true,
  localhostNodePorts: true,
};

const p80 = [{ name: "p80", port: 80, protocol: "TCP" as const }];
const sp80 = (extra: Record<string, unknown> = {}) => [
  { name: "p80", port: 80, protocol: "TCP" as const, ...extra },
];

/** The Services, EndpointSlices and Node of `TestOverallIPTablesRules`. */
export function upstreamOverallInput(): ProxyInput {
  const config = { ...defaultClusterConfig(), serviceSubnet: "172.30.0.0/16", podSubnet: "10.0.0.0/8" };
  return {
    config,
    nodes: [node("test-node", "192.168.0.2")],
    services: [
      service("ns1", "svc1", { type: "ClusterIP", clusterIP: "172.30.0.41", ports: sp80() }),
      service(
        "ns2",
        "svc2",
        {
          type: "LoadBalancer",
          clusterIP: "172.30.0.42",
          ports: sp80({ nodePort: 3001 }),
          externalIPs: ["192.168.99.22"],
          externalTrafficPolicy: "Local",
          healthCheckNodePort: 30000,
        },
        { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } },
      ),
      service("ns3", "svc3", { type: "NodePort", clusterIP: "172.30.0.43", ports: sp80({ nodePort: 3003 }) }),
      service("ns4", "svc4", {
        type: "NodePort",
        clusterIP: "172.30.0.44",
        externalIPs: ["192.168.99.33"],
        ports: sp80({ targetPort: 80 }),
      }),
      service(
        "ns5",
        "svc5",
        {
          type: "LoadBalancer",
          clusterIP: "172.30.0.45",
          ports: sp80({ nodePort: 3002 }),
          externalTrafficPolicy: "Cluster",
          healthCheckNodePort: 30000,
          loadBalancerSourceRanges: [" 203.0.113.0/25"],
          sessionAffinity: "ClientIP",
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        },
        { loadBalancer: { ingress: [{ ip: "5.6.7.8" }] } },
      ),
      service("ns6", "svc6", { type: "ClusterIP", clusterIP: "172.30.0.46", ports: sp80() }),
    ],
    endpointSlices: [
      slice("ns1", "svc1", p80, [{ ip: "10.180.0.1" }]),
      slice("ns2", "svc2", p80, [{ ip: "10.180.0.2" }]),
      slice("ns3", "svc3", p80, [{ ip: "10.180.0.3" }]),
      slice("ns4", "svc4", p80, [{ ip: "10.180.0.4" }, { ip: "10.180.0.5", nodeName: "test-node" }]),
      slice("ns5", "svc5", p80, [{ ip: "10.180.0.3" }]),
    ],
  };
}

/**
 * `services` ClusterIP Services (`bench/svc-00000` …, port 80 → 8080) with
 * `perService` endpoints each, spread over node-0..2: the scale benchmarks'
 * cluster, seen from node-0 (192.168.1.10).
 */
export function scaleInput(services: number, perService: number): ProxyInput {
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(5, "0")}`;
    svcs.push(
      service("bench", name, {
        type: "ClusterIP",
        clusterIP: `10.${96 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
        ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }],
      }),
    );
    const eps: TestEndpoint[] = [];
    for (let k = 0; k < perService; k++) {
      const j = i * perService + k;
      eps.push({ ip: `10.${128 + (j >> 16)}.${(j >> 8) & 255}.${j & 255}`, nodeName: `node-${k % 3}` });
    }
    slices.push(slice("bench", name, [{ name: "http", port: 8080 }], eps));
  }
  return {
    services: svcs,
    endpointSlices: slices,
    nodes: [node("node-0", "192.168.1.10")],
    config: defaultClusterConfig(),
  };
}
