import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { putDeployment, putNode } from "./fixtures.testkit";
import { installControllers } from "./index";
import { isTerminating } from "./objects";

describe("garbage collector", () => {
  it("deletes a Deployment's ReplicaSets and gracefully its pods", () => {
    const cluster = new Cluster(2);
    installControllers(cluster);
    putNode(cluster, "w1", { podCIDR: "10.244.1.0/24" });
    putDeployment(cluster, "web", 2);
    cluster.reconcile();
    cluster.store.remove("Deployment", "default", "web");
    cluster.reconcile();
    expect(cluster.store.list("ReplicaSet")).toHaveLength(0);
    const pods = cluster.store.list("Pod");
    expect(pods).toHaveLength(2);
    expect(pods.every(isTerminating)).toBe(true);
    expect(pods[0]?.metadata.deletionGracePeriodSeconds).toBe(30);
    cluster.clock.advance(30_000);
    cluster.reconcile();
    expect(cluster.store.list("Pod")).toHaveLength(0);
  });
});
