import { describe, expect, it } from "vitest";
import { newObjectMeta } from "../api/meta.testkit";
import type { EndpointSlice, Service } from "../api/types";
import { Cluster } from "../cluster";
import { topologyView } from "./topology";

function service(cluster: Cluster, namespace: string, name: string): void {
  const svc: Service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: newObjectMeta(cluster, { name, namespace }),
    spec: { clusterIP: "10.96.0.20", ports: [{ port: 80, protocol: "TCP" }], selector: { app: name } },
  };
  cluster.store.put("Service", svc);
  const slice: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: newObjectMeta(cluster, {
      name: `${name}-abcde`,
      namespace,
      labels: { "kubernetes.io/service-name": name },
    }),
    addressType: "IPv4",
    endpoints: [{ addresses: ["10.244.1.5"], conditions: { ready: true } }],
    ports: [{ port: 8080, protocol: "TCP", name: "" }],
  };
  cluster.store.put("EndpointSlice", slice);
}

describe("topologyView", () => {
  it("pairs each Service with its own EndpointSlices", () => {
    const cluster = new Cluster(1);
    service(cluster, "default", "a");
    service(cluster, "shop", "a");
    const view = topologyView(cluster);
    expect(view.services.map((s) => `${s.namespace}/${s.name} ${s.endpoints.length}`)).toEqual([
      "default/a 1",
      "shop/a 1",
    ]);
    expect(view.serviceCount).toBeUndefined();
  });

  it("caps the Services it carries, keeps kube-dns, and says how many there are", () => {
    const cluster = new Cluster(1);
    for (let i = 0; i < 5; i++) service(cluster, "default", `svc-${i}`);
    service(cluster, "kube-system", "kube-dns");
    const view = topologyView(cluster, { maxServices: 2 });
    expect(view.services.map((s) => s.name)).toEqual(["svc-0", "svc-1", "kube-dns"]);
    expect(view.serviceCount).toBe(6);
  });
});
