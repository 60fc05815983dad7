/**
 * The lookup experiment's synthetic cluster loaded straight into a
 * Cluster's store (no API server, no controllers) with a running pod behind
 * every endpoint, so the real Network can send packets through it.
 */
import type { Pod } from "../engine/api/types";
import { CLIENT_POD_IP, MEASURED_NODE, syntheticInput } from "../engine/bench/synthetic";
import { Cluster } from "../engine/cluster";
import { ClusterDns } from "../engine/dns/resolver";
import { Network } from "../engine/net/network";
import { createProxyModes } from "../engine/proxy/modes";
import { ProxyRuntime } from "../engine/proxy/runtime";
import type { ProxyInput } from "../engine/proxy/types";

export interface StoreCluster {
  input: ProxyInput;
  cluster: Cluster;
  proxy: ProxyRuntime;
  net: Network;
}

function pod(name: string, ip: string, node: string): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      uid: `pod-${name}`,
      creationTimestamp: "2026-01-05T09:00:00Z",
      resourceVersion: "1",
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: "web",
          image: "registry.k8s.io/e2e-test-images/agnhost:2.53",
          args: ["netexec", "--http-port=8080"],
          ports: [{ containerPort: 8080 }],
        },
      ],
    },
    status: {
      phase: "Running",
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

/** `services` × `endpoints` in `mode`, plus a `client` pod on the measured node. */
export function storeCluster(
  services: number,
  endpoints: number,
  mode: "iptables" | "ipvs" | "nftables",
): StoreCluster {
  const input = syntheticInput(services, endpoints, mode);
  const cluster = new Cluster(1, input.config);
  const store = cluster.store;
  for (const n of input.nodes) store.put("Node", n);
  store.put("Namespace", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: "default",
      uid: "ns-default",
      creationTimestamp: "2026-01-05T09:00:00Z",
      resourceVersion: "1",
    },
  });
  for (const s of input.services) store.put("Service", s);
  const seen = new Set<string>();
  for (const slice of input.endpointSlices) {
    store.put("EndpointSlice", slice);
    for (const e of slice.endpoints ?? []) {
      const ip = e.addresses[0]!;
      if (seen.has(ip)) continue;
      seen.add(ip);
      store.put("Pod", pod(`pod-${ip.replaceAll(".", "-")}`, ip, e.nodeName ?? MEASURED_NODE));
    }
  }
  store.put("Pod", pod("client", CLIENT_POD_IP, MEASURED_NODE));
  const dns = new ClusterDns(cluster);
  const proxy = new ProxyRuntime(cluster, createProxyModes());
  const net = new Network(cluster, dns, (node) => proxy.dataPlaneFor(node));
  return { input, cluster, proxy, net };
}
