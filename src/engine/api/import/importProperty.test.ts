/** Generated dumps: whatever the cluster assigned is kept, and packets go only to ready endpoints. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Simulation } from "../../simulation";
import type { EndpointSlice, Pod, Service } from "../types";

const T = "2026-12-01T09:00:00Z";
const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => ({
  creationTimestamp: T,
  ...extra,
  name,
  ...(namespace ? { namespace } : {}),
  resourceVersion: "100",
  uid: `${namespace ?? ""}-${name}-uid`,
});

interface Shape {
  nodes: number;
  pods: { node: number; app: number; ready: boolean }[];
  services: { nodePort: boolean; ip: number }[];
  json: boolean;
}

const shapes = fc.record({
  nodes: fc.integer({ min: 1, max: 4 }),
  pods: fc.array(fc.record({ node: fc.nat(3), app: fc.nat(2), ready: fc.boolean() }), { maxLength: 10 }),
  services: fc.uniqueArray(fc.record({ nodePort: fc.boolean(), ip: fc.integer({ min: 11, max: 65000 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (s) => s.ip,
  }),
  json: fc.boolean(),
});

/** A dump of the shape, as kubectl prints it (`kind: List`, server fields, status). */
function dump(shape: Shape): { text: string; pods: Pod[]; services: Service[]; slices: EndpointSlice[] } {
  const nodes = Array.from({ length: shape.nodes }, (_, i) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(`node-${i}`, undefined, { labels: { "kubernetes.io/hostname": `node-${i}` } }),
    spec: { podCIDR: `10.244.${i}.0/24`, podCIDRs: [`10.244.${i}.0/24`] },
    status: {
      addresses: [{ address: `172.18.0.${10 + i}`, type: "InternalIP" }],
      conditions: [
        {
          type: "Ready",
          status: "True",
          reason: "KubeletReady",
          lastHeartbeatTime: T,
          lastTransitionTime: T,
        },
      ],
      nodeInfo: { kubeletVersion: "v1.32.2" },
    },
  }));
  const count = new Map<number, number>();
  const pods = shape.pods.map((p, i) => {
    const node = p.node % shape.nodes;
    const n = (count.get(node) ?? 0) + 2;
    count.set(node, n - 1);
    const ready = p.ready ? "True" : "False";
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: meta(`pod-${i}`, "default", { labels: { app: `a${p.app}` } }),
      spec: {
        containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
        nodeName: `node-${node}`,
      },
      status: {
        conditions: [{ type: "Ready", status: ready, lastTransitionTime: T }],
        containerStatuses: [
          {
            name: "nginx",
            image: "nginx:1.27",
            imageID: "",
            ready: p.ready,
            restartCount: 0,
            started: true,
            state: { running: { startedAt: T } },
          },
        ],
        hostIP: `172.18.0.${10 + node}`,
        phase: "Running",
        podIP: `10.244.${node}.${n}`,
        podIPs: [{ ip: `10.244.${node}.${n}` }],
      },
    } as unknown as Pod;
  });
  const services = shape.services.map((s, k) => {
    const ip = `10.96.${s.ip >> 8}.${s.ip & 255}`;
    return {
      apiVersion: "v1",
      kind: "Service",
      metadata: meta(`svc-${k}`, "default"),
      spec: {
        clusterIP: ip,
        clusterIPs: [ip],
        ports: [
          {
            name: "http",
            port: 80,
            protocol: "TCP",
            targetPort: 80,
            ...(s.nodePort ? { nodePort: 30100 + k } : {}),
          },
        ],
        selector: { app: `a${k}` },
        type: s.nodePort ? "NodePort" : "ClusterIP",
      },
      status: { loadBalancer: {} },
    } as unknown as Service;
  });
  const slices = services.map((svc, k) => ({
    addressType: "IPv4",
    apiVersion: "discovery.k8s.io/v1",
    endpoints: pods
      .filter((p) => p.metadata.labels?.app === `a${k}`)
      .map((p) => ({
        addresses: [p.status?.podIP ?? ""],
        conditions: { ready: p.status?.conditions?.[0]?.status === "True" },
        nodeName: p.spec?.nodeName,
        targetRef: { kind: "Pod", name: p.metadata.name, namespace: "default", uid: p.metadata.uid },
      })),
    kind: "EndpointSlice",
    metadata: meta(`${svc.metadata.name}-x7k2p`, "default", {
      labels: {
        "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
        "kubernetes.io/service-name": svc.metadata.name,
      },
    }),
    ports: [{ name: "http", port: 80, protocol: "TCP" }],
  })) as unknown as EndpointSlice[];
  const kubernetes = {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta("kubernetes", "default"),
    spec: {
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      type: "ClusterIP",
    },
  };
  const list = {
    apiVersion: "v1",
    items: [...nodes, ...pods, kubernetes, ...services, ...slices],
    kind: "List",
    metadata: { resourceVersion: "" },
  };
  const text = shape.json
    ? JSON.stringify(list, null, 4)
    : stringify(list, { indentSeq: false, lineWidth: 0 });
  return { text, pods, services, slices };
}

describe("importing generated dumps", () => {
  it("keeps every pod IP, ClusterIP, NodePort and slice, and sends packets only to ready endpoints", async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async (shape) => {
        const { text, pods, services, slices } = dump(shape);
        const sim = new Simulation();
        const report = await sim.importCluster({ name: shape.json ? "dump.json" : "dump.yaml", text });
        expect(report.errors).toEqual([]);
        expect(report.imported).toBe(true);
        const objects = sim.objects();
        const stored = <T>(kind: string, name: string) =>
          objects.find((o) => o.kind === kind && o.metadata.name === name) as T | undefined;
        for (const p of pods)
          expect(stored<Pod>("Pod", p.metadata.name)?.status?.podIP).toBe(p.status?.podIP);
        for (const s of services) {
          const got = stored<Service>("Service", s.metadata.name);
          expect(got?.spec?.clusterIP).toBe(s.spec?.clusterIP);
          expect(got?.spec?.ports?.[0]?.nodePort).toBe(s.spec?.ports?.[0]?.nodePort);
        }
        for (const s of slices) {
          expect(stored<EndpointSlice>("EndpointSlice", s.metadata.name)?.endpoints).toEqual(s.endpoints);
        }
        services.forEach((svc, k) => {
          const ready = new Set(
            (slices[k]?.endpoints ?? []).filter((e) => e.conditions?.ready).map((e) => e.addresses[0]),
          );
          const trace = sim.send({
            from: { type: "node", node: "node-0" },
            target: svc.spec?.clusterIP ?? "",
            port: 80,
          });
          if (ready.size === 0) expect(trace.verdict).not.toBe("delivered");
          else {
            expect(trace.verdict).toBe("delivered");
            expect(ready.has(trace.backend?.ip ?? "")).toBe(true);
          }
        });
      }),
      { seed: 1717, numRuns: 25 },
    );
  });
});
