import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiServer } from "./api/apiserver";
import { ServiceAllocator } from "./api/serviceAlloc";
import { Network } from "./net/network";
import { Simulation } from "./simulation";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
`;

const OTHER = `apiVersion: v1
kind: Service
metadata:
  name: other
spec:
  selector: {app: web}
  ports:
    - port: 8080
`;

/** The whole state a user can see: every object, the terminal's prompt, the diagram. */
function state(sim: Simulation): string {
  return JSON.stringify({ objects: sim.objects(), prompt: sim.prompt(), view: sim.view() });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("an engine bug changes nothing and throws nothing", () => {
  it("apply: the object that hit it is an InternalError; the others still apply", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: WEB }]);
    const before = state(sim);
    const allocate = vi.spyOn(ServiceAllocator.prototype, "allocate").mockImplementationOnce(() => {
      throw new TypeError("boom");
    });
    const report = sim.apply([{ name: "other.yaml", text: OTHER }]);
    expect(allocate).toHaveBeenCalled();
    expect(report.results).toEqual([]);
    expect(report.errors).toEqual([
      {
        reason: "InternalError",
        message:
          'Error from server (InternalError): error when creating "other.yaml": Internal error occurred: boom (a bug in Packetwalk\'s engine: nothing was changed)',
        source: { file: "other.yaml", line: 1, column: 1 },
      },
    ]);
    expect(state(sim)).toBe(before);
    // The simulation goes on: the same object applies once the bug is gone.
    expect(sim.apply([{ name: "other.yaml", text: OTHER }]).results.map((r) => r.action)).toEqual([
      "created",
    ]);
  });

  it("apply: the rebuilt state is the state before, even after refusals that drew random numbers", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: WEB }]);
    sim.apply([
      {
        name: "bad.yaml",
        text: "apiVersion: v1\nkind: Service\nmetadata: {name: Bad}\nspec: {ports: [{port: 1}]}\n",
      },
    ]);
    sim.run("kubectl create deployment two --image=nginx");
    sim.send({ from: { type: "node", node: "kind-worker" }, target: "web" });
    const before = state(sim);
    vi.spyOn(ServiceAllocator.prototype, "allocate").mockImplementationOnce(() => {
      throw new Error("boom");
    });
    sim.apply([{ name: "other.yaml", text: OTHER }]);
    expect(state(sim)).toBe(before);
  });

  it("run: a command that hits one prints an error, and the cluster is as it was", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: WEB }]);
    const before = state(sim);
    vi.spyOn(ApiServer.prototype, "create").mockImplementationOnce(() => {
      throw new RangeError("kaboom");
    });
    const out = sim.run("kubectl create deployment two --image=nginx");
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(
      "kubectl: internal error: kaboom (a bug in Packetwalk's engine: nothing was changed)\n",
    );
    expect(out.changed).toBe(false);
    expect(state(sim)).toBe(before);
  });

  it("send and burst: a dropped trace that says so, nothing sent", () => {
    const sim = new Simulation();
    sim.apply([{ name: "web.yaml", text: WEB }]);
    const before = state(sim);
    vi.spyOn(Network.prototype, "send").mockImplementation(() => {
      throw new Error("no route");
    });
    const trace = sim.send({ from: { type: "node", node: "kind-worker" }, target: "web" });
    expect(trace).toMatchObject({ verdict: "dropped", hops: [], target: "web" });
    expect(trace.message).toMatch(/^internal error: no route/);
    const burst = sim.burst({ from: { type: "node", node: "kind-worker" }, target: "web" }, 10);
    expect(burst.result.failed).toBe(1);
    vi.restoreAllMocks();
    expect(state(sim)).toBe(before);
  });

  it("a fresh cluster that cannot boot leaves the previous one in place", () => {
    const sim = new Simulation();
    const before = state(sim);
    const create = ApiServer.prototype.create;
    vi.spyOn(ApiServer.prototype, "create").mockImplementation(function (this: ApiServer, kind, obj) {
      if (kind === "Node") throw new Error("node bug");
      return create.call(this, kind, obj) as never;
    });
    const report = sim.apply([
      {
        name: "cluster.yaml",
        text: "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n",
      },
    ]);
    vi.restoreAllMocks();
    expect(report.errors.map((e) => e.reason)).toEqual(["InternalError", "InternalError"]);
    expect(report.results).toEqual([]);
    expect(state(sim)).toBe(before);
  });
});

describe("ShellOutput.changed: whether a line changed the cluster (for the session's journal)", () => {
  it("is true for kubectl create and scale, false for get and curl", () => {
    const sim = new Simulation();
    expect(sim.run("kubectl create deployment web --image=nginx").changed).toBe(true);
    expect(sim.run("kubectl get pods").changed).toBe(false);
    expect(sim.run("kubectl scale deployment web --replicas=3").changed).toBe(true);
    expect(sim.run("curl -s -m 1 10.96.0.1").changed).toBe(false);
  });
});

describe("fresh-cluster Nodes are decoded and refused one by one", () => {
  it("two Nodes of one name: the second is AlreadyExists, and one cluster results", () => {
    const sim = new Simulation();
    const report = sim.apply([
      {
        name: "nodes.yaml",
        text: "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: a}\n",
      },
    ]);
    expect(report.errors.map((e) => [e.source?.line, e.message])).toEqual([
      [5, 'Error from server (AlreadyExists): error when creating "nodes.yaml": nodes "a" already exists'],
    ]);
    expect(report.results.map((r) => r.name)).toEqual(["a"]);
    expect(sim.view().nodes.map((n) => n.name)).toEqual(["a"]);
    expect(sim.run("kubectl get nodes -o name").stdout).toBe("node/a\n");
  });

  it("a Node with a wrong type is the API server's decode error, and the rest boot", () => {
    const sim = new Simulation();
    const report = sim.apply([
      {
        name: "nodes.yaml",
        text: "apiVersion: v1\nkind: Node\nmetadata: {name: a}\nspec: {podCIDR: 5}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: b}\n",
      },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Error from server (BadRequest): error when creating "nodes.yaml": Node in version "v1" cannot be handled as a Node: json: cannot unmarshal number into Go struct field NodeSpec.spec.podCIDR of type string',
    ]);
    expect(sim.view().nodes.map((n) => n.name)).toEqual(["b"]);
  });
});
