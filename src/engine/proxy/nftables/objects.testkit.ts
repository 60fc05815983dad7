/**
 * Plain Service/EndpointSlice/Node objects for the nftables tests, written
 * the way the upstream kube-proxy tests write theirs.
 */

import type { IEndpoint } from "kubernetes-models/discovery.k8s.io/v1/Endpoint";
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { ClusterConfig } from "../../api/configTypes";
import type { EndpointSlice, Node, ObjectMeta, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";

/** Literal metadata, as the API server would have stamped it. */
export function meta(
  namespace: string | undefined,
  name: string,
  labels?: Record<string, string>,
): ObjectMeta {
  const m: ObjectMeta = {
    name,
    uid: `uid-${namespace ?? ""}-${name}`,
    creationTimestamp: "2026-01-01T00:00:00Z",
    resourceVersion: "1",
  };
  if (namespace !== undefined) m.namespace = namespace;
  if (labels) m.labels = labels;
  return m;
}

export function service(
  namespace: string,
  name: string,
  spec: NonNullable<Service["spec"]>,
  status?: Service["status"],
): Service {
  const s: Service = { apiVersion: "v1", kind: "Service", metadata: meta(namespace, name), spec };
  if (status) s.status = status;
  return s;
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
  endpoints: TestEndpoint[],
  ports: { name?: string; port: number; protocol?: "TCP" | "UDP" | "SCTP" }[],
  suffix = "abcde",
): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: meta(namespace, `${svc}-${suffix}`, { "kubernetes.io/service-name": svc }),
    addressType: "IPv4",
    endpoints: endpoints.map((e) => {
      const ep: IEndpoint = { addresses: [e.ip] };
      if (e.nodeName !== undefined) ep.nodeName = e.nodeName;
      if (e.ready !== undefined || e.serving !== undefined || e.terminating !== undefined) {
        ep.conditions = {};
        if (e.ready !== undefined) ep.conditions.ready = e.ready;
        if (e.serving !== undefined) ep.conditions.serving = e.serving;
        if (e.terminating !== undefined) ep.conditions.terminating = e.terminating;
      }
      return ep;
    }),
    ports: ports.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" })),
  };
}

export function node(name: string, ip: string): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(undefined, name),
    status: {
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
    },
  };
}

/** The upstream fake proxier's world: pods 10.0.0.0/8, services 172.30.0.0/16, node 192.168.0.2. */
export function upstreamConfig(): ClusterConfig {
  return {
    ...defaultClusterConfig(),
    proxyMode: "nftables",
    podSubnet: "10.0.0.0/8",
    serviceSubnet: "172.30.0.0/16",
  };
}

export const TEST_NODE = "test-node";
export const TEST_NODE_IP = "192.168.0.2";

const p80 = [{ name: "p80", port: 80 }];

/** The six Services and their EndpointSlices of upstream `TestOverallNFTablesRules`. */
export function overallInput(): {
  services: Service[];
  endpointSlices: EndpointSlice[];
  nodes: Node[];
  config: ClusterConfig;
} {
  const tcp80 = (nodePort?: number): IServicePort[] => [
    { name: "p80", port: 80, protocol: "TCP", ...(nodePort ? { nodePort } : {}) },
  ];
  return {
    services: [
      service("ns1", "svc1", { type: "ClusterIP", clusterIP: "172.30.0.41", ports: tcp80() }),
      service(
        "ns2",
        "svc2",
        {
          type: "LoadBalancer",
          externalTrafficPolicy: "Local",
          clusterIP: "172.30.0.42",
          ports: tcp80(3001),
          externalIPs: ["192.168.99.22"],
          healthCheckNodePort: 30000,
        },
        { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } },
      ),
      service("ns3", "svc3", { type: "NodePort", clusterIP: "172.30.0.43", ports: tcp80(3003) }),
      service("ns4", "svc4", {
        type: "NodePort",
        clusterIP: "172.30.0.44",
        externalIPs: ["192.168.99.33"],
        ports: [{ name: "p80", port: 80, protocol: "TCP", targetPort: 80 }],
      }),
      service(
        "ns5",
        "svc5",
        {
          type: "LoadBalancer",
          externalTrafficPolicy: "Cluster",
          clusterIP: "172.30.0.45",
          ports: tcp80(3002),
          healthCheckNodePort: 30000,
          loadBalancerSourceRanges: [" 203.0.113.0/25"],
          sessionAffinity: "ClientIP",
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        },
        { loadBalancer: { ingress: [{ ip: "5.6.7.8" }] } },
      ),
      service("ns6", "svc6", {
        type: "ClusterIP",
        clusterIP: "172.30.0.46",
        ports: [{ name: "p80", port: 80, protocol: "TCP", targetPort: 80 }],
      }),
    ],
    endpointSlices: [
      slice("ns1", "svc1", [{ ip: "10.180.0.1" }], p80),
      slice("ns2", "svc2", [{ ip: "10.180.0.2" }], p80),
      slice("ns3", "svc3", [{ ip: "10.180.0.3" }], p80),
      slice("ns4", "svc4", [{ ip: "10.180.0.4" }, { ip: "10.180.0.5", nodeName: TEST_NODE }], p80),
      slice("ns5", "svc5", [{ ip: "10.180.0.3" }], p80),
    ],
    nodes: [node(TEST_NODE, TEST_NODE_IP)],
    config: upstreamConfig(),
  };
}
