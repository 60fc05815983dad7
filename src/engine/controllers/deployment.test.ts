import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { DESIRED_REPLICAS, MAX_REPLICAS, POD_TEMPLATE_HASH, REVISION } from "./deployment";
import { putDeployment, putNode } from "./fixtures.testkit";
import { installControllers } from "./index";
import { isTerminating } from "./objects";

function setup() {
  const cluster = new Cluster(7);
  installControllers(cluster);
  putNode(cluster, "worker-1", { podCIDR: "10.244.1.0/24", ip: "172.18.0.3" });
  putNode(cluster, "worker-2", { podCIDR: "10.244.2.0/24", ip: "172.18.0.4" });
  return cluster;
}

describe("Deployment → ReplicaSet → Pods", () => {
  it("creates <deploy>-<hash> with labels, owner and annotations, and its pods", () => {
    const cluster = setup();
    const d = putDeployment(cluster, "web", 3);
    cluster.reconcile();
    const [rs, ...others] = cluster.store.list("ReplicaSet");
    expect(others).toHaveLength(0);
    const hash = rs!.metadata.labels?.[POD_TEMPLATE_HASH] ?? "";
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec?.selector.matchLabels).toEqual({ app: "web", [POD_TEMPLATE_HASH]: hash });
    expect(rs!.metadata.ownerReferences).toEqual([
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: "web",
        uid: d.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rs!.metadata.annotations).toEqual({
      [REVISION]: "1",
      [DESIRED_REPLICAS]: "3",
      [MAX_REPLICAS]: "4",
    });
    const pods = cluster.store.list("Pod");
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual({ app: "web", [POD_TEMPLATE_HASH]: hash });
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({
        kind: "ReplicaSet",
        name: rs!.metadata.name,
        controller: true,
      });
      expect(p.status?.phase).toBe("Running");
    }
    const status = cluster.store.get("Deployment", "default", "web")?.status;
    expect(status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 1,
    });
    expect(status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable"],
      ["Progressing", "True", "NewReplicaSetAvailable"],
    ]);
    expect(cluster.store.get("ReplicaSet", "default", rs!.metadata.name)?.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
  });

  it("is deterministic for a seed", () => {
    const names = () => {
      const c = setup();
      putDeployment(c, "web", 2);
      c.reconcile();
      return c.store.list("Pod").map((p) => `${p.metadata.name} ${p.status?.podIP}`);
    };
    expect(names()).toEqual(names());
  });

  it("scales down by deleting not-ready pods first, gracefully", () => {
    const c2 = new Cluster(3);
    const ctl = installControllers(c2);
    putNode(c2, "worker-1", { podCIDR: "10.244.1.0/24" });
    const d = putDeployment(c2, "web", 3);
    c2.reconcile();
    const victim = c2.store.list("Pod")[1]!;
    ctl.setPodReady("default", victim.metadata.name, false);
    c2.store.put("Deployment", {
      ...d,
      spec: { ...d.spec!, replicas: 2 },
      metadata: { ...d.metadata, generation: 2 },
    });
    c2.reconcile();
    const terminating = c2.store.list("Pod").filter(isTerminating);
    expect(terminating.map((p) => p.metadata.name)).toEqual([victim.metadata.name]);
    c2.clock.advance(30_000);
    c2.reconcile();
    expect(c2.store.list("Pod")).toHaveLength(2);
    expect(c2.store.get("Deployment", "default", "web")?.status).toMatchObject({
      replicas: 2,
      observedGeneration: 2,
    });
  });

  it("switches to a new ReplicaSet when the template changes", () => {
    const cluster = setup();
    const d = putDeployment(cluster, "web", 2);
    cluster.reconcile();
    const first = cluster.store.list("ReplicaSet")[0]!;
    const template = d.spec!.template;
    cluster.store.put("Deployment", {
      ...d,
      spec: {
        ...d.spec!,
        template: {
          ...template,
          spec: { containers: [{ name: "web", image: "nginx:1.28" }], restartPolicy: "Always" },
        },
      },
    });
    cluster.reconcile();
    const sets = cluster.store.list("ReplicaSet");
    expect(sets).toHaveLength(2);
    const next = sets.find((r) => r.metadata.uid !== first.metadata.uid)!;
    expect(next.metadata.name).not.toBe(first.metadata.name);
    expect(next.metadata.annotations?.[REVISION]).toBe("2");
    expect(cluster.store.get("ReplicaSet", "default", first.metadata.name)?.spec?.replicas).toBe(0);
    const live = cluster.store.list("Pod").filter((p) => !isTerminating(p));
    expect(live.every((p) => p.metadata.name.startsWith(`${next.metadata.name}-`))).toBe(true);
    expect(live).toHaveLength(2);
  });
});
