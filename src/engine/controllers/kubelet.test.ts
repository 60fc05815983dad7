import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cidrContains, ipToNumber, parseCidr } from "../api/ipv4";
import { Cluster } from "../cluster";
import { putNode, putPod } from "./fixtures.testkit";
import { installControllers } from "./index";
import { CALICO_IP_ADDRS } from "./kubelet";
import { deletePodGracefully } from "./podDeletion";
import { normalizeImage, qosClass } from "./podStatus";

function setup(seed = 5) {
  const cluster = new Cluster(seed);
  const controllers = installControllers(cluster);
  putNode(cluster, "worker-1", { podCIDR: "10.244.1.0/24", ip: "172.18.0.3" });
  return { cluster, controllers };
}

describe("kubelet", () => {
  it("starts a bound pod: IP from .2, host IP, conditions, container statuses", () => {
    const { cluster } = setup();
    putPod(cluster, "a", { node: "worker-1" });
    putPod(cluster, "b", { node: "worker-1" });
    cluster.reconcile();
    const a = cluster.store.get("Pod", "default", "a")!;
    expect(a.status).toMatchObject({
      phase: "Running",
      podIP: "10.244.1.2",
      podIPs: [{ ip: "10.244.1.2" }],
      hostIP: "172.18.0.3",
      hostIPs: [{ ip: "172.18.0.3" }],
      startTime: "2026-01-05T09:00:00Z",
      qosClass: "BestEffort",
    });
    expect(a.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=True",
      "ContainersReady=True",
      "PodScheduled=True",
    ]);
    const cs = a.status?.containerStatuses?.[0];
    expect(cs).toMatchObject({
      name: "app",
      image: "docker.io/library/nginx:latest",
      ready: true,
      started: true,
      restartCount: 0,
    });
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs?.state?.running?.startedAt).toBe("2026-01-05T09:00:00Z");
    expect(cluster.store.get("Pod", "default", "b")?.status?.podIP).toBe("10.244.1.3");
  });

  it("shares what pods started alike report (frozen), and keeps readiness changes to the one pod", () => {
    const { cluster, controllers } = setup();
    putPod(cluster, "a", { node: "worker-1" });
    putPod(cluster, "b", { node: "worker-1" });
    cluster.reconcile();
    const status = (name: string) => cluster.store.get("Pod", "default", name)!.status!;
    expect(status("a").conditions).toBe(status("b").conditions);
    expect(status("a").hostIPs).toBe(status("b").hostIPs);
    expect(Object.isFrozen(status("a").conditions)).toBe(true);
    cluster.clock.advance(5000);
    controllers.setPodReady("default", "a", false);
    expect(status("a").conditions?.find((c) => c.type === "Ready")?.status).toBe("False");
    expect(status("b").conditions?.find((c) => c.type === "Ready")?.status).toBe("True");
  });

  it("honours the Calico ipAddrs annotation, or waits in ContainerCreating", () => {
    const { cluster } = setup();
    putPod(cluster, "pinned", { node: "worker-1", annotations: { [CALICO_IP_ADDRS]: '["10.244.1.26"]' } });
    putPod(cluster, "outside", { node: "worker-1", annotations: { [CALICO_IP_ADDRS]: '["10.233.118.26"]' } });
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "pinned")?.status?.podIP).toBe("10.244.1.26");
    const out = cluster.store.get("Pod", "default", "outside")!;
    expect(out.status?.phase).toBe("Pending");
    expect(out.status?.podIP).toBeUndefined();
    expect(out.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe("ContainerCreating");
    const c = out.status?.conditions?.find((x) => x.type === "PodReadyToStartContainers");
    expect(c).toMatchObject({ status: "False", reason: "FailedCreatePodSandBox" });
    expect(c?.message).toContain("10.233.118.26 is not in the node's podCIDR 10.244.1.0/24");
  });

  it("waits for a requested IP until its holder is gone", () => {
    const { cluster } = setup();
    putPod(cluster, "holder", { node: "worker-1", annotations: { [CALICO_IP_ADDRS]: '["10.244.1.9"]' } });
    putPod(cluster, "wants", { node: "worker-1", annotations: { [CALICO_IP_ADDRS]: '["10.244.1.9"]' } });
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "wants")?.status?.podIP).toBeUndefined();
    cluster.store.remove("Pod", "default", "holder");
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "wants")?.status?.podIP).toBe("10.244.1.9");
  });

  it("gives hostNetwork pods the node's InternalIP", () => {
    const { cluster } = setup();
    putPod(cluster, "h", { node: "worker-1", spec: { hostNetwork: true } });
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "h")?.status?.podIP).toBe("172.18.0.3");
  });

  it("flips readiness on setPodReady", () => {
    const { cluster, controllers } = setup();
    putPod(cluster, "a", { node: "worker-1" });
    cluster.reconcile();
    cluster.clock.advance(5000);
    controllers.setPodReady("default", "a", false);
    const a = cluster.store.get("Pod", "default", "a")!;
    const ready = a.status?.conditions?.find((c) => c.type === "Ready");
    expect(ready).toMatchObject({
      status: "False",
      reason: "ContainersNotReady",
      lastTransitionTime: "2026-01-05T09:00:05Z",
    });
    expect(a.status?.containerStatuses?.[0]?.ready).toBe(false);
    expect(a.status?.conditions?.find((c) => c.type === "Initialized")?.lastTransitionTime).toBe(
      "2026-01-05T09:00:00Z",
    );
  });

  it("removes a terminating pod after its grace period and frees its IP", () => {
    const { cluster } = setup();
    putPod(cluster, "a", { node: "worker-1" });
    cluster.reconcile();
    deletePodGracefully(cluster, cluster.store.get("Pod", "default", "a")!);
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "a")?.metadata.deletionTimestamp).toBe("2026-01-05T09:00:30Z");
    cluster.clock.advance(29_000);
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "a")).toBeDefined();
    cluster.clock.advance(1_000);
    cluster.reconcile();
    expect(cluster.store.get("Pod", "default", "a")).toBeUndefined();
  });

  it("computes the QoS class and normalizes image references", () => {
    const pod = (resources: object) => ({
      apiVersion: "v1" as const,
      kind: "Pod" as const,
      metadata: { name: "x", uid: "u", creationTimestamp: "", resourceVersion: "" },
      spec: { containers: [{ name: "c", resources }] },
    });
    expect(qosClass(pod({}))).toBe("BestEffort");
    expect(qosClass(pod({ requests: { cpu: "100m" } }))).toBe("Burstable");
    expect(qosClass(pod({ limits: { cpu: "1", memory: "1Gi" } }))).toBe("Guaranteed");
    expect(normalizeImage("nicolaka/netshoot")).toBe("docker.io/nicolaka/netshoot:latest");
    expect(normalizeImage("registry.k8s.io/pause:3.10")).toBe("registry.k8s.io/pause:3.10");
  });

  it("never hands out a duplicate IP and stays inside the podCIDR (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant("add"), fc.constant("delete"), fc.integer({ min: 2, max: 40 })), {
          maxLength: 80,
        }),
        fc.integer({ min: 26, max: 28 }),
        (ops, bits) => {
          const cluster = new Cluster(9);
          installControllers(cluster);
          const cidr = `10.244.7.0/${bits}`;
          putNode(cluster, "n", { podCIDR: cidr });
          let i = 0;
          for (const op of ops) {
            if (op === "add") putPod(cluster, `p${i++}`, { node: "n" });
            else if (op === "delete") {
              const victim = cluster.store.list("Pod")[0];
              if (victim) cluster.store.remove("Pod", "default", victim.metadata.name);
            } else
              putPod(cluster, `p${i++}`, {
                node: "n",
                annotations: { [CALICO_IP_ADDRS]: `["10.244.7.${op}"]` },
              });
            cluster.reconcile();
          }
          const parsed = parseCidr(cidr)!;
          const ips = cluster.store.list("Pod").flatMap((p) => (p.status?.podIP ? [p.status.podIP] : []));
          expect(new Set(ips).size).toBe(ips.length);
          for (const ip of ips) {
            const n = ipToNumber(ip)!;
            expect(cidrContains(parsed, n)).toBe(true);
            expect(n - parsed.network).toBeGreaterThanOrEqual(2);
          }
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});
