/** Small clusters for golden tests: one Service shape each, on node-1 (192.168.1.10). */

import type { EndpointSlice, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";
import { node, service, slice } from "./objects.testkit";

const nodes = [node("node-1", "192.168.1.10"), node("node-2", "192.168.1.11")];
const input = (services: Service[], endpointSlices: EndpointSlice[]): ProxyInput => ({
  services,
  endpointSlices,
  nodes,
  config: defaultClusterConfig(),
});
const web = [
  { ip: "10.244.1.5", nodeName: "node-1" },
  { ip: "10.244.2.7", nodeName: "node-2" },
  { ip: "10.244.10.5", nodeName: "node-2" },
];

/** Scenario name → input. */
export const SCENARIOS: Record<string, () => ProxyInput> = {
  clusterip: () =>
    input(
      [
        service("default", "web", {
          type: "ClusterIP",
          clusterIP: "10.96.0.20",
          ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }],
        }),
      ],
      [slice("default", "web", [{ port: 8080 }], web)],
    ),
  "multi-port": () =>
    input(
      [
        service("shop", "api", {
          type: "ClusterIP",
          clusterIP: "10.96.0.30",
          ports: [
            { name: "http", port: 80, protocol: "TCP", targetPort: "web" },
            { name: "dns", port: 53, protocol: "UDP", targetPort: 5353 },
          ],
        }),
      ],
      [
        slice(
          "shop",
          "api",
          [
            { name: "http", port: 8080 },
            { name: "dns", port: 5353, protocol: "UDP" },
          ],
          web.slice(0, 2),
        ),
      ],
    ),
  affinity: () =>
    input(
      [
        service("default", "sticky", {
          type: "ClusterIP",
          clusterIP: "10.96.0.40",
          sessionAffinity: "ClientIP",
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
          ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }],
        }),
      ],
      [slice("default", "sticky", [{ name: "http", port: 8080 }], web.slice(0, 2))],
    ),
  "local-policy": () =>
    input(
      [
        service("default", "edge", {
          type: "NodePort",
          clusterIP: "10.96.0.50",
          externalTrafficPolicy: "Local",
          internalTrafficPolicy: "Local",
          ports: [{ port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30080 }],
        }),
      ],
      [slice("default", "edge", [{ port: 8080 }], web)],
    ),
  "no-endpoints": () =>
    input(
      [
        service("default", "empty", {
          type: "NodePort",
          clusterIP: "10.96.0.60",
          ports: [{ port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30060 }],
        }),
      ],
      [],
    ),
  nodeport: () =>
    input(
      [
        service("default", "np", {
          type: "NodePort",
          clusterIP: "10.96.0.70",
          ports: [{ port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30007 }],
        }),
      ],
      [slice("default", "np", [{ port: 8080 }], web)],
    ),
  loadbalancer: () =>
    input(
      [
        service(
          "default",
          "lb",
          {
            type: "LoadBalancer",
            clusterIP: "10.96.0.80",
            loadBalancerSourceRanges: ["192.168.1.0/24", "203.0.113.0/25"],
            ports: [{ port: 443, protocol: "TCP", targetPort: 8443, nodePort: 31443 }],
          },
          { loadBalancer: { ingress: [{ ip: "192.168.1.240" }] } },
        ),
      ],
      [slice("default", "lb", [{ port: 8443 }], web)],
    ),
};
