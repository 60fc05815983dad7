import { describe, expect, it } from "vitest";
import { Simulation } from "./simulation";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["serve-hostname"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 9376
`;

const CLIENT = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: netshoot
      image: nicolaka/netshoot
`;

const fromClient = { type: "pod" as const, namespace: "default", name: "client" };

describe("Simulation", () => {
  it("starts as a fresh kubeadm cluster", () => {
    const sim = new Simulation();
    const view = sim.view();
    expect(view.nodes.map((n) => n.name)).toEqual(["kind-control-plane", "kind-worker", "kind-worker2"]);
    expect(view.services.map((s) => `${s.name} ${s.clusterIP}`)).toEqual([
      "kubernetes 10.96.0.1",
      "kube-dns 10.96.0.10",
    ]);
    expect(sim.prompt()).toBe("root@kind-control-plane:~#");
  });

  it("rebuilds a fresh cluster from configuration and nodes, then applies the rest", () => {
    const sim = new Simulation();
    const report = sim.apply([
      {
        name: "cluster.yaml",
        text: `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.233.0.0/18
  podSubnet: 10.233.64.0/18
---
apiVersion: v1
kind: Node
metadata:
  name: solo
status:
  addresses:
    - type: InternalIP
      address: 192.168.1.10
---
${CLIENT}`,
      },
    ]);
    expect(report.errors).toEqual([]);
    const view = sim.view();
    expect(view.nodes.map((n) => n.name)).toEqual(["solo"]);
    expect(view.services.find((s) => s.name === "kubernetes")?.clusterIP).toBe("10.233.0.1");
    expect(view.pods.find((p) => p.name === "client")?.node).toBe("solo");
    expect(sim.prompt()).toBe("root@solo:~#");
  });

  it("keeps applying the rest of a file when one object is refused, pointing at its line", () => {
    const sim = new Simulation();
    const report = sim.apply([
      {
        name: "two.yaml",
        text: `apiVersion: v1
kind: Service
metadata:
  name: a
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 31080
---
apiVersion: v1
kind: Service
metadata:
  name: dup
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 31080
`,
      },
    ]);
    expect(report.results.map((r) => `${r.resource}/${r.name} ${r.action}`)).toEqual(["service/a created"]);
    expect(report.errors).toEqual([
      expect.objectContaining({
        message:
          'The Service "dup" is invalid: spec.ports[0].nodePort: Invalid value: 31080: provided port is already allocated',
        source: expect.objectContaining({ file: "two.yaml", line: 11 }),
      }),
    ]);
    expect(sim.view().services.some((s) => s.name === "dup")).toBe(false);
  });

  it("sends a connection through the Service to a backend and back", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: `${WEB}---\n${CLIENT}` }]);
    const trace = sim.send({ from: fromClient, target: "web" });
    expect(trace.verdict).toBe("delivered");
    expect(trace.backend?.pod).toMatch(/^web-/);
    expect(trace.hops.some((h) => h.rewrite?.type === "DNAT")).toBe(true);
    expect(trace.hops.at(-1)?.direction).toBe("reply");
  });

  it("switches kube-proxy's mode and the next packet follows it", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: `${WEB}---\n${CLIENT}` }]);
    for (const mode of ["iptables", "ipvs", "nftables"] as const) {
      sim.setProxyMode(mode);
      const trace = sim.send({ from: fromClient, target: "web" });
      expect(trace.mode).toBe(mode);
      expect(trace.verdict).toBe("delivered");
    }
  });

  it("tallies a burst per backend next to what the mode promises", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: `${WEB}---\n${CLIENT}` }]);
    sim.setProxyMode("ipvs", "rr");
    const { result, traces } = sim.burst({ from: fromClient, target: "web" }, 30);
    expect(result.count).toBe(30);
    expect(result.rule).toBe("rr");
    // Round robin over three backends: exactly ten each.
    expect(result.received.map((r) => r.count)).toEqual([10, 10, 10]);
    expect(result.promised.map((p) => p.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(traces.length).toBe(30);
  });

  it("lets a not-ready pod leave the rotation", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: `${WEB}---\n${CLIENT}` }]);
    const [first, ...rest] = sim.view().pods.filter((p) => p.name.startsWith("web-"));
    sim.setPodReady("default", first!.name, false);
    const { result } = sim.burst({ from: fromClient, target: "web" }, 40);
    expect(result.received.map((r) => r.pod).sort()).toEqual(rest.map((p) => `default/${p.name}`).sort());
  });

  it("completes commands, resources and names", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: WEB }]);
    expect(sim.complete("kubectl get sv")).toEqual(["svc"]);
    expect(sim.complete("kubectl get servi")).toEqual(["service", "services"]);
    expect(sim.complete("kubectl describe svc w")).toEqual(["web"]);
    expect(sim.complete("ipvs")).toEqual(["ipvsadm"]);
  });

  it("replays exactly for the same seed", () => {
    const run = () => {
      const sim = new Simulation({ seed: 42 });
      sim.apply([{ name: "web.yaml", text: `${WEB}---\n${CLIENT}` }]);
      return [
        sim.run("kubectl get pods -o wide").output,
        JSON.stringify(sim.send({ from: fromClient, target: "web" })),
      ];
    };
    expect(run()).toEqual(run());
  });
});
