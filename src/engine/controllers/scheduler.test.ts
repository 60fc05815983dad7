import { describe, expect, it } from "vitest";
import { Cluster, defaultClusterConfig } from "../cluster";
import { putNode, putPod } from "./fixtures.testkit";
import { installControllers } from "./index";

const CONTROL_PLANE_TAINT = [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }];

function setup(version = "v1.33.0") {
  const cluster = new Cluster(11, { ...defaultClusterConfig(), kubernetesVersion: version });
  installControllers(cluster);
  putNode(cluster, "control-plane", { podCIDR: "10.244.0.0/24", taints: CONTROL_PLANE_TAINT });
  putNode(cluster, "worker-a", { podCIDR: "10.244.1.0/24", labels: { disk: "hdd" } });
  putNode(cluster, "worker-b", { podCIDR: "10.244.2.0/24", labels: { disk: "hdd" } });
  return cluster;
}

describe("scheduler", () => {
  it("spreads pods over schedulable nodes, fewest pods first, ties by name", () => {
    const cluster = setup();
    for (const n of ["p1", "p2", "p3", "p4"]) putPod(cluster, n);
    cluster.reconcile();
    const nodes = cluster.store.list("Pod").map((p) => p.spec?.nodeName);
    expect(nodes).toEqual(["worker-a", "worker-b", "worker-a", "worker-b"]);
    const scheduled = cluster.store
      .get("Pod", "default", "p1")
      ?.status?.conditions?.find((c) => c.type === "PodScheduled");
    expect(scheduled?.status).toBe("True");
  });

  it("lets a toleration in, and respects pre-bound pods", () => {
    const cluster = setup();
    putPod(cluster, "bound", { node: "worker-b" });
    putPod(cluster, "tolerant", {
      spec: {
        tolerations: [
          { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
        ],
        nodeSelector: { "kubernetes.io/hostname": "control-plane" },
      },
    });
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "bound")?.spec?.nodeName).toBe("worker-b");
    expect(cluster.store.get("Pod", "default", "tolerant")?.spec?.nodeName).toBe("control-plane");
  });

  it("leaves unschedulable pods Pending with the FitError message (1.33 wording)", () => {
    const cluster = setup();
    putPod(cluster, "ssd", { spec: { nodeSelector: { disk: "ssd" } } });
    cluster.reconcile();
    const pod = cluster.store.get("Pod", "default", "ssd");
    expect(pod?.status?.phase).toBe("Pending");
    expect(pod?.spec?.nodeName).toBeUndefined();
    const c = pod?.status?.conditions?.find((x) => x.type === "PodScheduled");
    expect(c).toMatchObject({ status: "False", reason: "Unschedulable" });
    expect(c?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it("uses the 1.35 wording and retries when a node appears", () => {
    const cluster = setup("v1.35.0");
    const cordoned = cluster.store.get("Node", undefined, "worker-a")!;
    cluster.store.put("Node", { ...cordoned, spec: { ...cordoned.spec, unschedulable: true } });
    putPod(cluster, "ssd", { spec: { nodeSelector: { disk: "ssd" } } });
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "ssd")?.status?.conditions?.[0]?.message).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    putNode(cluster, "worker-ssd", { podCIDR: "10.244.3.0/24", labels: { disk: "ssd" } });
    cluster.reconcile();
    const pod = cluster.store.get("Pod", "default", "ssd");
    expect(pod?.spec?.nodeName).toBe("worker-ssd");
    expect(pod?.status?.phase).toBe("Running");
  });

  it("omits the DRA PostFilter message before 1.34 and says so when there are no nodes", () => {
    const cluster = new Cluster(1, { ...defaultClusterConfig(), kubernetesVersion: "v1.31.0" });
    installControllers(cluster);
    putPod(cluster, "lonely");
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "lonely")?.status?.conditions?.[0]?.message).toBe(
      "no nodes available to schedule pods",
    );
    putNode(cluster, "n1", { taints: [{ key: "dedicated", value: "gpu", effect: "NoExecute" }] });
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "lonely")?.status?.conditions?.[0]?.message).toBe(
      "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });
});
