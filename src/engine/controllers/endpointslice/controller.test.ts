import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EndpointSlice } from "../../api/types";
import { Cluster } from "../../cluster";
import { putNode, putPod, putService } from "../fixtures.testkit";
import { installControllers } from "../index";
import { deletePodGracefully } from "../podDeletion";
import {
  ANNOTATION_TRIGGER_TIME,
  CONTROLLER_NAME,
  LABEL_HEADLESS,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
} from "./sliceMeta";

function setup(seed = 3) {
  const cluster = new Cluster(seed);
  const controllers = installControllers(cluster);
  putNode(cluster, "w1", { podCIDR: "10.244.1.0/24", labels: { "topology.kubernetes.io/zone": "zone-a" } });
  return { cluster, controllers };
}

const slicesOf = (cluster: Cluster, svc: string): EndpointSlice[] =>
  cluster.store.list("EndpointSlice").filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === svc);

describe("EndpointSlice controller", () => {
  it("lists matching pods with conditions, topology and a stable name", () => {
    const { cluster, controllers } = setup();
    const svc = putService(cluster, "web", { selector: { app: "web" }, labels: { tier: "front" } });
    putPod(cluster, "web-1", { labels: { app: "web" }, node: "w1", ip: "10.244.1.5" });
    putPod(cluster, "web-2", { labels: { app: "web" }, node: "w1", ip: "10.244.1.6" });
    putPod(cluster, "other", { labels: { app: "db" }, node: "w1", ip: "10.244.1.7" });
    controllers.setPodReady("default", "web-2", false);
    putPod(cluster, "no-ip", { labels: { app: "web" }, spec: { nodeSelector: { nowhere: "true" } } });
    cluster.reconcile();
    const [slice, ...rest] = slicesOf(cluster, "web");
    expect(rest).toHaveLength(0);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.generateName).toBe("web-");
    expect(slice!.metadata.labels).toEqual({
      tier: "front",
      [LABEL_SERVICE_NAME]: "web",
      [LABEL_MANAGED_BY]: CONTROLLER_NAME,
    });
    expect(slice!.metadata.annotations?.[ANNOTATION_TRIGGER_TIME]).toBe("2026-01-05T09:00:00Z");
    expect(slice!.metadata.ownerReferences).toEqual([
      {
        apiVersion: "v1",
        kind: "Service",
        name: "web",
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice!.addressType).toBe("IPv4");
    expect(slice!.ports).toEqual([{ name: "", port: 80, protocol: "TCP" }]);
    const uid1 = cluster.store.get("Pod", "default", "web-1")!.metadata.uid;
    expect(slice!.endpoints?.[0]).toEqual({
      addresses: ["10.244.1.5"],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: "w1",
      zone: "zone-a",
      targetRef: { kind: "Pod", namespace: "default", name: "web-1", uid: uid1 },
    });
    expect(slice!.endpoints?.[1]?.conditions).toEqual({ ready: false, serving: false, terminating: false });

    // A later change updates the same slice in place.
    const name = slice!.metadata.name;
    putPod(cluster, "web-3", { labels: { app: "web" }, node: "w1", ip: "10.244.1.8" });
    cluster.reconcile();
    expect(slicesOf(cluster, "web").map((s) => [s.metadata.name, s.endpoints?.length])).toEqual([[name, 3]]);
  });

  it("keeps terminating pods with terminating: true, and honours publishNotReadyAddresses", () => {
    const { cluster } = setup();
    putService(cluster, "web", { selector: { app: "web" } });
    putService(cluster, "peers", {
      selector: { app: "web" },
      clusterIP: "None",
      publishNotReadyAddresses: true,
    });
    putPod(cluster, "web-1", { labels: { app: "web" }, node: "w1", ip: "10.244.1.5" });
    cluster.reconcile();
    deletePodGracefully(cluster, cluster.store.get("Pod", "default", "web-1")!);
    cluster.reconcile();
    expect(slicesOf(cluster, "web")[0]?.endpoints?.[0]?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    const peers = slicesOf(cluster, "peers")[0]!;
    expect(peers.endpoints?.[0]?.conditions).toEqual({ ready: true, serving: true, terminating: true });
    expect(peers.metadata.labels?.[LABEL_HEADLESS]).toBe("");
  });

  it("leaves a placeholder when nothing matches and ignores selector-less and ExternalName Services", () => {
    const { cluster } = setup();
    putService(cluster, "nomatch", { selector: { app: "nothing" } });
    putService(cluster, "manual", {});
    putService(cluster, "ext", {
      type: "ExternalName",
      externalName: "example.com",
      selector: { app: "web" },
    });
    cluster.reconcile();
    const all = cluster.store.list("EndpointSlice");
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ endpoints: [], ports: [], addressType: "IPv4" });
    expect(all[0]!.metadata.labels?.[LABEL_SERVICE_NAME]).toBe("nomatch");
  });

  it("resolves named targetPorts per pod and groups pods by port set", () => {
    const { cluster } = setup();
    putService(cluster, "web", {
      selector: { app: "web" },
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
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
    putPod(cluster, "c", {
      labels: { app: "web" },
      node: "w1",
      ip: "10.244.1.7",
      ports: [{ name: "http", containerPort: 53, protocol: "UDP" }],
    });
    cluster.reconcile();
    const byPort = slicesOf(cluster, "web")
      .map(
        (s) =>
          `${s.ports?.map((p) => p.port).join(",") || "-"}:${s.endpoints?.map((e) => e.addresses[0]).join(",")}`,
      )
      .sort();
    expect(byPort).toEqual(["-:10.244.1.7", "8080:10.244.1.5", "9090:10.244.1.6"]);
  });

  it("sets hostname for pods whose subdomain is the Service", () => {
    const { cluster } = setup();
    putService(cluster, "db", { selector: { app: "db" }, clusterIP: "None" });
    putPod(cluster, "db-0", {
      labels: { app: "db" },
      node: "w1",
      ip: "10.244.1.5",
      spec: { hostname: "db-0", subdomain: "db" },
    });
    cluster.reconcile();
    expect(slicesOf(cluster, "db")[0]?.endpoints?.[0]?.hostname).toBe("db-0");
  });

  it("splits more than 100 endpoints over slices and deletes slices when the Service goes", () => {
    const { cluster } = setup();
    putService(cluster, "big", { selector: { app: "big" } });
    for (let i = 0; i < 150; i++)
      putPod(cluster, `p${i}`, { labels: { app: "big" }, node: "w1", ip: `10.244.1.${i + 2}` });
    cluster.reconcile();
    expect(
      slicesOf(cluster, "big")
        .map((s) => s.endpoints?.length)
        .sort(),
    ).toEqual([100, 50]);
    cluster.store.remove("Service", "default", "big");
    cluster.reconcile();
    expect(slicesOf(cluster, "big")).toHaveLength(0);
    expect(cluster.store.get("Endpoints", "default", "big")).toBeUndefined();
  });

  it("property: every eligible pod appears exactly once, slices ≤ 100, conditions right", () => {
    const podArb = fc.record({
      app: fc.constantFrom("a", "b"),
      tier: fc.constantFrom("x", "y"),
      hasIp: fc.boolean(),
      ready: fc.boolean(),
      portName: fc.constantFrom("http", "web", undefined),
      portNum: fc.constantFrom(8080, 9090),
      terminating: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 230 }), fc.boolean(), (pods, named) => {
        const { cluster, controllers } = setup(17);
        const selector = { app: "a" };
        putService(cluster, "svc", {
          selector,
          ports: [{ name: "p", port: 80, targetPort: named ? "http" : 80, protocol: "TCP" }],
        });
        pods.forEach((p, i) => {
          const ports = p.portName ? [{ name: p.portName, containerPort: p.portNum }] : [];
          putPod(cluster, `pod-${i}`, {
            labels: { app: p.app, tier: p.tier },
            node: "w1",
            ports,
            ...(p.hasIp ? { ip: `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}` } : {}),
          });
          if (!p.ready) controllers.setPodReady("default", `pod-${i}`, false);
        });
        cluster.reconcile();
        pods.forEach((p, i) => {
          const pod = cluster.store.get("Pod", "default", `pod-${i}`);
          if (p.terminating && pod) deletePodGracefully(cluster, pod);
        });
        cluster.reconcile();
        const slices = slicesOf(cluster, "svc");
        const seen = new Map<string, number>();
        for (const s of slices) {
          expect((s.endpoints ?? []).length).toBeLessThanOrEqual(100);
          const key = JSON.stringify(s.ports);
          for (const e of s.endpoints ?? []) {
            const id = `${key}|${e.addresses[0]}`;
            expect(seen.has(id)).toBe(false);
            seen.set(id, 1);
          }
        }
        const all = slices.flatMap((s) => s.endpoints ?? []);
        for (const pod of cluster.store.list("Pod")) {
          const matches = pod.metadata.labels?.app === "a" && pod.status?.podIP;
          const found = all.filter((e) => e.targetRef?.name === pod.metadata.name);
          if (!matches) {
            expect(found).toHaveLength(0);
            continue;
          }
          expect(found).toHaveLength(1);
          const ready = pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
          const terminating = Boolean(pod.metadata.deletionTimestamp);
          expect(found[0]?.conditions).toEqual({
            ready: Boolean(ready) && !terminating,
            serving: Boolean(ready),
            terminating,
          });
          const spec = pods[Number(pod.metadata.name.slice(4))];
          if (spec && !spec.ready) expect(found[0]?.conditions?.ready).toBe(false);
        }
        if (all.length === 0) expect(slices).toHaveLength(1);
      }),
      { seed: 7, numRuns: 40 },
    );
  });
});
