/**
 * A small cluster for IPVS tests and goldens: plain Service, EndpointSlice
 * and Node objects with literal metadata.
 */

import type { EndpointSlice, Node, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  namespace,
  labels,
  uid: `uid-${namespace ?? ""}-${name}`,
  creationTimestamp: "2026-01-05T09:00:00Z",
  resourceVersion: "1",
});

export function node(name: string, ips: { internal: string; external?: string }): Node {
  const addresses = [{ type: "InternalIP", address: ips.internal }];
  if (ips.external) addresses.push({ type: "ExternalIP", address: ips.external });
  return { apiVersion: "v1", kind: "Node", metadata: meta(name), status: { addresses } };
}

export function slice(
  ns: string,
  svc: string,
  ports: { name?: string; port: number; protocol?: "TCP" | "UDP" }[],
  eps: { ip: string; node?: string; ready?: boolean; terminating?: boolean }[],
): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: meta(`${svc}-abcde`, ns, { "kubernetes.io/service-name": svc }),
    addressType: "IPv4",
    ports: ports.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" })),
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      nodeName: e.node,
      conditions: { ready: e.ready ?? true, serving: true, terminating: e.terminating ?? false },
    })),
  };
}

export function service(
  ns: string,
  name: string,
  spec: Service["spec"],
  status?: Service["status"],
): Service {
  return { apiVersion: "v1", kind: "Service", metadata: meta(name, ns), spec, status };
}

/** kubernetes, kube-dns (multi-port), web (NodePort + ClientIP affinity), lb (LoadBalancer), empty. */
export function smallCluster(): ProxyInput {
  const config = { ...defaultClusterConfig(), proxyMode: "ipvs" as const };
  return {
    config,
    nodes: [
      node("kind-control-plane", { internal: "172.18.0.2", external: "192.168.1.10" }),
      node("kind-worker", { internal: "172.18.0.3" }),
    ],
    services: [
      service("default", "kubernetes", {
        type: "ClusterIP",
        clusterIP: "10.96.0.1",
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      }),
      service("default", "empty", {
        type: "ClusterIP",
        clusterIP: "10.96.50.5",
        ports: [{ port: 80, protocol: "TCP" }],
      }),
      service(
        "default",
        "lb",
        {
          type: "LoadBalancer",
          clusterIP: "10.96.200.30",
          ports: [{ port: 80, protocol: "TCP", nodePort: 31000 }],
          externalTrafficPolicy: "Cluster",
        },
        { loadBalancer: { ingress: [{ ip: "192.168.1.240" }] } },
      ),
      service("default", "web", {
        type: "NodePort",
        clusterIP: "10.96.100.20",
        ports: [{ port: 80, protocol: "TCP", nodePort: 30080, targetPort: 8080 }],
        sessionAffinity: "ClientIP",
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      }),
      service("kube-system", "kube-dns", {
        type: "ClusterIP",
        clusterIP: "10.96.0.10",
        ports: [
          { name: "dns", port: 53, protocol: "UDP" },
          { name: "dns-tcp", port: 53, protocol: "TCP" },
          { name: "metrics", port: 9153, protocol: "TCP" },
        ],
      }),
    ],
    endpointSlices: [
      slice("default", "kubernetes", [{ name: "https", port: 6443 }], [{ ip: "172.18.0.2" }]),
      slice("default", "lb", [{ port: 80 }], [{ ip: "10.244.1.6", node: "kind-worker" }]),
      slice(
        "default",
        "web",
        [{ port: 8080 }],
        [
          { ip: "10.244.1.5", node: "kind-worker" },
          { ip: "10.244.0.7", node: "kind-control-plane" },
        ],
      ),
      slice(
        "kube-system",
        "kube-dns",
        [
          { name: "dns", port: 53, protocol: "UDP" },
          { name: "dns-tcp", port: 53 },
          { name: "metrics", port: 9153 },
        ],
        [
          { ip: "10.244.0.2", node: "kind-control-plane" },
          { ip: "10.244.0.3", node: "kind-control-plane" },
        ],
      ),
    ],
  };
}
