import { describe, expect, it } from "vitest";
import { newObjectMeta } from "../api/meta.testkit";
import type { EndpointSlice, Service } from "../api/types";
import { Cluster } from "../cluster";
import { Simulation } from "../simulation";
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

  it("counts as endpoints only the pods kube-proxy sends to: a pod without the named targetPort is not one", () => {
    const sim = new Simulation();
    const web = (name: string, ports: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: web\nspec:\n  containers:\n    - name: c\n      image: nginx\n${ports}`;
    const report = sim.apply([
      {
        name: "web.yaml",
        text: [
          web("with-http", "      ports:\n        - name: http\n          containerPort: 80\n"),
          web("without", ""),
          "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: web\n      port: 80\n      targetPort: http\n",
        ].join("---\n"),
      },
    ]);
    expect(report.errors).toEqual([]);
    sim.advanceClock(30_000);
    // The controller lists the pod without the port too, in a slice with no ports.
    const slices = sim
      .objects()
      .filter((o): o is EndpointSlice => o.kind === "EndpointSlice" && o.metadata.name.startsWith("web-"));
    expect(
      slices.map((s) => `${(s.ports ?? []).length} ${s.endpoints?.[0]?.targetRef?.name}`).sort(),
    ).toEqual(["0 without", "1 with-http"]);
    const svc = sim.view().services.find((s) => s.name === "web");
    expect(svc?.endpoints.map((e) => e.pod)).toEqual(["default/with-http"]);
    // The data plane agrees: only the pod with the port is a DNAT target.
    const ipOf = (name: string) => sim.view().pods.find((p) => p.name === name)?.ip;
    const nat = sim.run("iptables-save -t nat").stdout;
    expect(nat).toContain(`--to-destination ${ipOf("with-http")}:80`);
    expect(nat).not.toContain(`${ipOf("without")}`);
  });
});
