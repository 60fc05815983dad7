import { describe, expect, it } from "vitest";
import { Cluster, defaultClusterConfig } from "../cluster";
import { installControllers } from "../controllers";
import { DEFAULT_EPOCH_MS } from "../util/clock";
import { ApiServer } from "./apiserver";
import { ApiStatusError } from "./contract";
import { DEFAULT_LIMITS } from "./limits";

function server(limits: Partial<typeof DEFAULT_LIMITS>) {
  const cluster = new Cluster(1, defaultClusterConfig(), DEFAULT_EPOCH_MS, { ...DEFAULT_LIMITS, ...limits });
  return { cluster, api: new ApiServer(cluster) };
}

const deployment = (name: string, replicas: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx" }] } },
  },
});

const pod = (name: string) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { containers: [{ name: "c", image: "nginx" }] },
});

function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiStatusError) return e.status.message;
    throw e;
  }
  return undefined;
}

describe("the cluster's limits", () => {
  it("refuses a workload asking for more replicas than one may", () => {
    const { api } = server({ replicas: 4 });
    expect(refusal(() => api.create("Deployment", deployment("web", 5)))).toBe(
      'Error from server (Forbidden): deployments.apps "web" is forbidden: spec.replicas: 5 is more than the 4 one workload may ask for (Packetwalk\'s limit; see docs/emulation.md)',
    );
    expect(refusal(() => api.create("Deployment", deployment("web", 4)))).toBeUndefined();
  });

  it("counts what every workload and bare pod asks for, and lets a workload shrink", () => {
    const { api } = server({ pods: 5 });
    api.create("Deployment", deployment("a", 3));
    api.create("Pod", pod("bare"));
    expect(refusal(() => api.create("Deployment", deployment("b", 2)))).toMatch(
      /deployments\.apps "b" is forbidden: the cluster's workloads would ask for 6 pods, over the 5 it may hold/,
    );
    expect(refusal(() => api.create("Pod", pod("bare2")))).toBeUndefined();
    expect(refusal(() => api.create("Pod", pod("bare3")))).toMatch(/would ask for 6 pods/);
    expect(refusal(() => api.update("Deployment", deployment("a", 1)))).toBeUndefined();
    expect(refusal(() => api.create("Deployment", deployment("b", 2)))).toBeUndefined();
  });

  it("the ReplicaSet controller stops at the pod limit, and goes on when pods are gone", () => {
    const { cluster, api } = server({ pods: 3 });
    installControllers(cluster);
    api.create("Node", { apiVersion: "v1", kind: "Node", metadata: { name: "n" } });
    api.create("Deployment", deployment("web", 3));
    expect(cluster.store.count("Pod")).toBe(3);
    // A new template: the old pods terminate (still stored for their grace period), the new
    // ReplicaSet finds no room.
    const next = deployment("web", 3);
    next.spec.template.spec.containers[0]!.image = "nginx:2";
    api.update("Deployment", next);
    const images = () => cluster.store.list("Pod").map((p) => p.spec?.containers?.[0]?.image);
    expect(images()).toEqual(["nginx", "nginx", "nginx"]);
    cluster.clock.advance(31_000);
    cluster.reconcile();
    expect(images()).toEqual(["nginx:2", "nginx:2", "nginx:2"]);
  });

  it("refuses a node past the cluster's nodes, and an object past its kind's count", () => {
    const { api } = server({ nodes: 1, objectsPerKind: 1 });
    api.create("Node", { apiVersion: "v1", kind: "Node", metadata: { name: "a" } });
    expect(
      refusal(() => api.create("Node", { apiVersion: "v1", kind: "Node", metadata: { name: "b" } })),
    ).toMatch(/nodes "b" is forbidden: the cluster already has 1 nodes/);
    api.create("ConfigMap", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } });
    expect(
      refusal(() =>
        api.create("ConfigMap", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b" } }),
      ),
    ).toMatch(/configmaps "b" is forbidden: the cluster already has 1 objects of this kind/);
  });

  it("refuses an object larger than the API server takes", () => {
    const { api } = server({ objectBytes: 1000 });
    const big = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "big" },
      data: { a: "x".repeat(2000) },
    };
    expect(refusal(() => api.create("ConfigMap", big))).toMatch(
      /configmaps "big" is forbidden: the object is \d+ bytes, over the 1000/,
    );
  });
});
