/** A synthetic cluster of `n` ClusterIP Services with `e` endpoints each, for scale tests and benchmarks. */
import type { EndpointSlice, Service } from "../../api/types";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";
import { node, service, slice } from "./objects.testkit";
import { NODE } from "./scenarios.testkit";

function ip(base: number, i: number): string {
  const n = base + i;
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Service i has ClusterIP 10.96.0.0 + 1 + i and endpoints in 10.244.0.0/16. */
export function syntheticInput(n: number, e: number): ProxyInput {
  const services: Service[] = [];
  const endpointSlices: EndpointSlice[] = [];
  const svcBase = (10 << 24) | (96 << 16);
  const podBase = (10 << 24) | (244 << 16);
  for (let i = 0; i < n; i++) {
    const name = `svc-${String(i).padStart(5, "0")}`;
    services.push(
      service("bench", name, {
        type: "ClusterIP",
        clusterIP: ip(svcBase, 1 + i),
        ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }],
      }),
    );
    const eps = Array.from({ length: e }, (_, j) => ({
      ip: ip(podBase, 2 + ((i * e + j) % 65000)),
      nodeName: j % 2 === 0 ? NODE : "worker-2",
    }));
    endpointSlices.push(slice("bench", name, eps, [{ name: "http", port: 8080 }]));
  }
  return {
    services,
    endpointSlices,
    nodes: [node(NODE, "192.168.1.11"), node("worker-2", "192.168.1.12")],
    config: { ...defaultClusterConfig(), proxyMode: "nftables" },
  };
}
