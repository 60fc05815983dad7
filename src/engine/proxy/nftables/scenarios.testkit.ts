/**
 * Small clusters for the golden `nft list table ip kube-proxy` tests, on a
 * kubeadm-default cluster (Services 10.96.0.0/12, pods 10.244.0.0/16).
 */
import type { ClusterConfig } from "../../api/configTypes";
import type { EndpointSlice, Node, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";
import { node, service, slice } from "./objects.testkit";

export const NODE = "worker-1";

function config(): ClusterConfig {
  return { ...defaultClusterConfig(), proxyMode: "nftables" };
}

const nodes: Node[] = [
  node("control-plane", "192.168.1.10"),
  node(NODE, "192.168.1.11"),
  node("worker-2", "192.168.1.12"),
];

function input(services: Service[], endpointSlices: EndpointSlice[]): ProxyInput {
  return { services, endpointSlices, nodes, config: config() };
}

/** The golden scenarios by name. */
export const SCENARIOS: Record<string, () => ProxyInput> = {
  "multi-port": () =>
    input(
      [
        service("default", "web", {
          type: "ClusterIP",
          clusterIP: "10.96.0.20",
          ports: [
            { name: "http", port: 80, protocol: "TCP", targetPort: 8080 },
            { name: "https", port: 443, protocol: "TCP", targetPort: 8443 },
            { name: "dns", port: 53, protocol: "UDP", targetPort: 5353 },
          ],
        }),
      ],
      [
        slice(
          "default",
          "web",
          [
            { ip: "10.244.1.5", nodeName: NODE },
            { ip: "10.244.2.7", nodeName: "worker-2" },
          ],
          [
            { name: "http", port: 8080 },
            { name: "https", port: 8443 },
            { name: "dns", port: 5353, protocol: "UDP" },
          ],
        ),
      ],
    ),
  "named-ports": () =>
    input(
      [
        service("shop", "api", {
          type: "ClusterIP",
          clusterIP: "10.100.12.9",
          ports: [{ port: 8080, protocol: "TCP", targetPort: "http" }],
        }),
      ],
      [
        slice("shop", "api", [{ ip: "10.244.1.8", nodeName: NODE }], [{ port: 8080 }], "aaaaa"),
        slice("shop", "api", [{ ip: "10.244.2.9", nodeName: "worker-2" }], [{ port: 9090 }], "bbbbb"),
      ],
    ),
  "session-affinity": () =>
    input(
      [
        service("default", "sticky", {
          type: "ClusterIP",
          clusterIP: "10.96.100.1",
          ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 80 }],
          sessionAffinity: "ClientIP",
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
        }),
      ],
      [
        slice(
          "default",
          "sticky",
          [
            { ip: "10.244.1.10", nodeName: NODE },
            { ip: "10.244.2.10", nodeName: "worker-2" },
            { ip: "10.244.2.11", nodeName: "worker-2" },
          ],
          [{ name: "http", port: 80 }],
        ),
      ],
    ),
  "local-policy": () =>
    input(
      [
        service("default", "edge", {
          type: "NodePort",
          clusterIP: "10.96.50.50",
          externalTrafficPolicy: "Local",
          ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 80, nodePort: 31080 }],
        }),
      ],
      [
        slice(
          "default",
          "edge",
          [
            { ip: "10.244.1.20", nodeName: NODE },
            { ip: "10.244.2.20", nodeName: "worker-2" },
          ],
          [{ name: "http", port: 80 }],
        ),
      ],
    ),
  "no-endpoints": () =>
    input(
      [
        service("default", "empty", {
          type: "NodePort",
          clusterIP: "10.96.7.7",
          externalIPs: ["192.168.1.200"],
          ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 80, nodePort: 30999 }],
        }),
        service("default", "none-ready", {
          type: "ClusterIP",
          clusterIP: "10.96.7.8",
          ports: [{ port: 6379, protocol: "TCP", targetPort: 6379 }],
        }),
      ],
      [
        slice(
          "default",
          "none-ready",
          [{ ip: "10.244.1.30", nodeName: NODE, ready: false }],
          [{ port: 6379 }],
        ),
      ],
    ),
  nodeport: () =>
    input(
      [
        service("default", "nginx", {
          type: "NodePort",
          clusterIP: "10.111.22.33",
          ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }],
        }),
      ],
      [
        slice(
          "default",
          "nginx",
          [
            { ip: "10.244.1.2", nodeName: NODE },
            { ip: "10.244.2.3", nodeName: "worker-2" },
            { ip: "10.244.2.4", nodeName: "worker-2" },
          ],
          [{ port: 80 }],
        ),
      ],
    ),
  loadbalancer: () =>
    input(
      [
        service(
          "default",
          "public",
          {
            type: "LoadBalancer",
            clusterIP: "10.96.200.2",
            externalTrafficPolicy: "Cluster",
            loadBalancerSourceRanges: ["192.168.1.0/24", "203.0.113.0/25"],
            ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 8443, nodePort: 32443 }],
          },
          { loadBalancer: { ingress: [{ ip: "192.168.1.240" }, { ip: "192.168.1.241" }] } },
        ),
      ],
      [
        slice(
          "default",
          "public",
          [{ ip: "10.244.2.40", nodeName: "worker-2" }],
          [{ name: "https", port: 8443 }],
        ),
      ],
    ),
};
