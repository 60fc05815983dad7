import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { ANNOTATION_OVER_CAPACITY, LABEL_SKIP_MIRROR } from "./endpoints";
import { putNode, putPod, putService } from "./fixtures.testkit";
import { installControllers } from "./index";
import { deletePodGracefully } from "./podDeletion";

function setup() {
  const cluster = new Cluster(21);
  const controllers = installControllers(cluster);
  putNode(cluster, "w1", { podCIDR: "10.244.1.0/24" });
  return Object.assign(cluster, { controllers });
}

describe("Endpoints controller", () => {
  it("repacks ready and not-ready addresses, sorted by IP numerically", () => {
    const cluster = setup();
    putService(cluster, "web", {
      selector: { app: "web" },
      ports: [{ name: "http", port: 80, targetPort: 9376, protocol: "TCP" }],
    });
    putPod(cluster, "c", { labels: { app: "web" }, node: "w1", ip: "10.244.1.10" });
    putPod(cluster, "a", { labels: { app: "web" }, node: "w1", ip: "10.244.1.9" });
    putPod(cluster, "b", { labels: { app: "web" }, node: "w1", ip: "10.244.1.20" });
    cluster.controllers.setPodReady("default", "b", false);
    cluster.reconcile();
    const ep = cluster.store.get("Endpoints", "default", "web")!;
    expect(ep.metadata.labels).toEqual({ [LABEL_SKIP_MIRROR]: "true" });
    expect(ep.subsets).toHaveLength(1);
    const s = ep.subsets![0]!;
    expect(s.addresses?.map((a) => a.ip)).toEqual(["10.244.1.9", "10.244.1.10"]);
    expect(s.notReadyAddresses?.map((a) => a.ip)).toEqual(["10.244.1.20"]);
    expect(s.ports).toEqual([{ name: "http", port: 9376, protocol: "TCP" }]);
    expect(s.addresses?.[0]).toMatchObject({
      nodeName: "w1",
      targetRef: { kind: "Pod", namespace: "default", name: "a" },
    });
  });

  it("drops terminating pods unless publishNotReadyAddresses, and has no subsets when nothing matches", () => {
    const cluster = setup();
    putService(cluster, "web", { selector: { app: "web" } });
    putService(cluster, "all", {
      selector: { app: "web" },
      clusterIP: "None",
      publishNotReadyAddresses: true,
    });
    putService(cluster, "none", { selector: { app: "nothing" } });
    putPod(cluster, "a", { labels: { app: "web" }, node: "w1", ip: "10.244.1.9" });
    cluster.controllers.setPodReady("default", "a", false);
    cluster.reconcile();
    deletePodGracefully(cluster, cluster.store.get("Pod", "default", "a")!);
    cluster.reconcile();
    expect(cluster.store.get("Endpoints", "default", "web")?.subsets).toBeUndefined();
    expect(
      cluster.store.get("Endpoints", "default", "all")?.subsets?.[0]?.addresses?.map((a) => a.ip),
    ).toEqual(["10.244.1.9"]);
    expect(
      cluster.store.get("Endpoints", "default", "all")?.metadata.labels?.["service.kubernetes.io/headless"],
    ).toBe("");
    const none = cluster.store.get("Endpoints", "default", "none");
    expect(none).toBeDefined();
    expect(none?.subsets).toBeUndefined();
  });

  it("splits subsets by resolved port set", () => {
    const cluster = setup();
    putService(cluster, "web", {
      selector: { app: "web" },
      ports: [{ port: 80, targetPort: "http", protocol: "TCP" }],
    });
    putPod(cluster, "a", {
      labels: { app: "web" },
      node: "w1",
      ip: "10.244.1.5",
      ports: [{ name: "http", containerPort: 8080 }],
    });
    putPod(cluster, "b", {
      labels: { app: "web" },
      node: "w1",
      ip: "10.244.1.6",
      ports: [{ name: "http", containerPort: 9090 }],
    });
    putPod(cluster, "c", { labels: { app: "web" }, node: "w1", ip: "10.244.1.7" });
    cluster.reconcile();
    const subsets = cluster.store.get("Endpoints", "default", "web")?.subsets ?? [];
    const flat = subsets
      .map((s) => `${s.ports?.[0]?.port}:${s.addresses?.map((a) => a.ip).join(",")}`)
      .sort();
    expect(flat).toEqual(["8080:10.244.1.5", "9090:10.244.1.6"]);
  });

  it("truncates at 1000 addresses with the over-capacity annotation", () => {
    const cluster = setup();
    putService(cluster, "big", { selector: { app: "big" } });
    for (let i = 0; i < 1005; i++) {
      putPod(cluster, `p${i}`, {
        labels: { app: "big" },
        node: "w1",
        ip: `10.245.${Math.floor(i / 250)}.${(i % 250) + 2}`,
      });
    }
    cluster.reconcile();
    const ep = cluster.store.get("Endpoints", "default", "big")!;
    expect(ep.metadata.annotations?.[ANNOTATION_OVER_CAPACITY]).toBe("truncated");
    expect(ep.subsets?.reduce((n, s) => n + (s.addresses?.length ?? 0), 0)).toBe(1000);
  });
});
