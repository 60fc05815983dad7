import { describe, expect, it } from "vitest";
import { Cluster, defaultClusterConfig } from "../cluster";
import { defaultDeployment, defaultPod, defaultService } from "./defaults";
import type { Deployment, Pod, Service } from "./types";

const meta = { name: "x", uid: "u", creationTimestamp: "", resourceVersion: "" };

function clusterAt(version: string): Cluster {
  return new Cluster(1, { ...defaultClusterConfig(), kubernetesVersion: version });
}

describe("defaultService", () => {
  it("fills the 1.35 defaults", () => {
    const s = { metadata: meta, spec: { type: "NodePort", ports: [{ port: 80 }] } } as Service;
    defaultService(s, clusterAt("v1.35.0"));
    expect(s.spec).toEqual({
      type: "NodePort",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      externalTrafficPolicy: "Cluster",
      internalTrafficPolicy: "Cluster",
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4"],
    });
  });

  it("leaves out IP families on 1.20 and internalTrafficPolicy before 1.22", () => {
    const s = { metadata: meta, spec: { ports: [{ port: 80 }] } } as Service;
    defaultService(s, clusterAt("v1.20.4"));
    expect(s.spec?.ipFamilies).toBeUndefined();
    expect(s.spec?.ipFamilyPolicy).toBeUndefined();
    expect(s.spec?.internalTrafficPolicy).toBeUndefined();
    const t = { metadata: meta, spec: { ports: [{ port: 80 }] } } as Service;
    defaultService(t, clusterAt("v1.21.0"));
    expect(t.spec?.ipFamilies).toEqual(["IPv4"]);
    expect(t.spec?.internalTrafficPolicy).toBeUndefined();
  });

  it("defaults ClientIP affinity timeout and LoadBalancer node ports", () => {
    const s = {
      metadata: meta,
      spec: { type: "LoadBalancer", sessionAffinity: "ClientIP", ports: [] },
    } as unknown as Service;
    defaultService(s, clusterAt("v1.35.0"));
    expect(s.spec?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect(s.spec?.allocateLoadBalancerNodePorts).toBe(true);
  });
});

describe("pod and deployment defaults", () => {
  it("defaults pull policy by tag", () => {
    const p = {
      metadata: meta,
      spec: {
        containers: [
          { name: "a", image: "nginx" },
          { name: "b", image: "nginx:1.27" },
        ],
      },
    } as Pod;
    defaultPod(p);
    expect(p.spec?.containers.map((c) => c.imagePullPolicy)).toEqual(["Always", "IfNotPresent"]);
    expect(p.spec?.restartPolicy).toBe("Always");
    expect(p.spec?.terminationGracePeriodSeconds).toBe(30);
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it("defaults a Deployment", () => {
    const d = { metadata: meta, spec: { selector: {}, template: {} } } as Deployment;
    defaultDeployment(d);
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });
});
