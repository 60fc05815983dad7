import { describe, expect, it } from "vitest";
import { tabwrite } from "./describe/writer";
import { FakeApi, k, testEnv } from "./env.testkit";
import { modernCluster, seedCluster } from "./fixtures.testkit";
import { parseFlags } from "./flags";
import { matchesSelector, parseSelector } from "./selector";

describe("flags", () => {
  const specs = [
    { name: "output", short: "o", type: "string" as const },
    { name: "stdin", short: "i", type: "bool" as const },
    { name: "tty", short: "t", type: "bool" as const },
  ];
  it("reads pflag forms", () => {
    const p = parseFlags(
      ["get", "-owide", "-n", "kube-system", "--output=yaml", "-it", "svc", "--", "sh", "-c", "x"],
      specs,
      "kubectl get",
    );
    if ("error" in p) throw new Error(p.error);
    expect(p.values.get("output")).toEqual(["yaml"]);
    expect(p.values.get("namespace")).toEqual(["kube-system"]);
    expect(p.values.get("stdin")).toEqual(["true"]);
    expect(p.values.get("tty")).toEqual(["true"]);
    expect(p.positional).toEqual(["get", "svc"]);
    expect(p.afterDash).toEqual(["sh", "-c", "x"]);
  });
  it("rejects unknown flags as pflag does", () => {
    expect(parseFlags(["--bogus"], specs, "kubectl get")).toEqual({
      error: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.",
    });
    expect(parseFlags(["-z"], specs, "kubectl get")).toEqual({
      error: "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.",
    });
  });
});

describe("label selectors", () => {
  const labels = { app: "web", tier: "frontend" };
  const cases: [string, boolean][] = [
    ["app=web", true],
    ["app==web", true],
    ["app!=web", false],
    ["app in (web,api)", true],
    ["app notin (web)", false],
    ["tier", true],
    ["!tier", false],
    ["missing!=x", true],
    ["app=web,tier=backend", false],
  ];
  for (const [sel, want] of cases) {
    it(sel, () => {
      const reqs = parseSelector(sel);
      if ("error" in reqs) throw new Error(reqs.error);
      expect(matchesSelector(reqs, labels)).toBe(want);
    });
  }
});

describe("describe's tabwriter", () => {
  it("restarts alignment after a line without tabs", () => {
    expect(tabwrite("Name:\tx\nService Account:\ty\nIPs:\n  IP:\t1\nControlled By:\tz\n")).toBe(
      "Name:             x\nService Account:  y\nIPs:\n  IP:           1\nControlled By:  z\n",
    );
  });
});

describe("kubectl get", () => {
  it("filters with -l and prints -o name", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "get svc -l app=web -o name").stdout).toBe("service/headless\nservice/web\n");
  });
  it("prints the Endpoints deprecation warning only from 1.33", () => {
    expect(k(testEnv(modernCluster()), "get ep").stderr).toBe(
      "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n",
    );
    expect(k(testEnv(seedCluster()), "get ep").stderr).toBe("");
  });
  it("says no resources found on stderr", () => {
    const r = k(testEnv(modernCluster()), "get pods -n nope");
    expect(r).toMatchObject({ stdout: "", stderr: "No resources found in nope namespace.\n", exitCode: 0 });
  });
  it("reports NotFound and unknown types as kubectl does", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "get svc nope")).toMatchObject({
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    });
    expect(k(env, "get deploy nope").stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(k(env, "get foo").stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });
  it("adds NAMESPACE with -A and accepts kind/name", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "get svc -A --no-headers").stdout.split("\n")[0]).toMatch(
      /^default\s+ext-db\s+ExternalName/,
    );
    expect(k(env, "get svc/web deploy/web -o name").stdout).toBe("service/web\ndeployment.apps/web\n");
  });
  it("shows Terminating for a pod being deleted", () => {
    const cluster = modernCluster();
    const pod = cluster.store.get("Pod", "default", "web-5d8f7b9c6d-4xk2p");
    if (!pod) throw new Error("fixture");
    pod.metadata.deletionTimestamp = cluster.clock.iso();
    expect(k(testEnv(cluster), "get pod web-5d8f7b9c6d-4xk2p --no-headers").stdout).toMatch(/Terminating/);
  });
});

describe("kubectl describe", () => {
  it("falls back to a name prefix, and reports NotFound", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "describe pod web-5d8f").stdout).toContain("Name:             web-5d8f7b9c6d-4xk2p");
    expect(k(env, "describe svc nope")).toMatchObject({
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    });
  });
  it("reads v1 Endpoints before 1.31 and EndpointSlices after", () => {
    const cluster = modernCluster();
    cluster.store.remove("EndpointSlice", "default", "web-7xk2p");
    expect(k(testEnv(cluster), "describe svc web").stdout).toContain("Endpoints:                <none>");
    cluster.config = { ...cluster.config, kubernetesVersion: "v1.30.0" };
    expect(k(testEnv(cluster), "describe svc web").stdout).toContain("10.244.1.5:9376,10.244.2.7:9376");
  });
});

describe("kubectl mutations", () => {
  it("apply -f prints one line per object and fails on refusals", () => {
    const cluster = modernCluster();
    const api = new FakeApi(cluster);
    api.applyResults = [
      { kind: "Service", resource: "service", name: "web", namespace: "default", action: "configured" },
    ];
    api.applyErrors = [
      { reason: "Invalid", message: 'The Service "x" is invalid: spec.ports: Required value' },
    ];
    const r = k(testEnv(cluster, api, { "web.yaml": "kind: Service" }), "apply -f web.yaml");
    expect(r).toEqual({
      stdout: "service/web configured\n",
      stderr: 'The Service "x" is invalid: spec.ports: Required value\n',
      exitCode: 1,
    });
    expect(api.calls[0]).toMatchObject({ method: "applyText", name: "web.yaml" });
    expect(k(testEnv(cluster, api), "apply -f nope.yaml").stderr).toBe(
      'error: the path "nope.yaml" does not exist\n',
    );
  });
  it("create deployment builds the object kubectl builds", () => {
    const cluster = modernCluster();
    const api = new FakeApi(cluster);
    const env = testEnv(cluster, api);
    expect(k(env, "create deployment api --image=nginx:1.27 --replicas=3 --port=80").stdout).toBe(
      "deployment.apps/api created\n",
    );
    expect(api.calls[0]?.object).toMatchObject({
      metadata: { name: "api", labels: { app: "api" } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "api" } },
        template: {
          spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] },
        },
      },
    });
    expect(k(env, "create deployment x").stderr).toBe('error: required flag(s) "image" not set\n');
  });
  it("expose takes the deployment's selector", () => {
    const cluster = modernCluster();
    const api = new FakeApi(cluster);
    expect(
      k(
        testEnv(cluster, api),
        "expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web2",
      ).stdout,
    ).toBe("service/web2 exposed\n");
    expect(api.calls[0]?.object).toMatchObject({
      metadata: { name: "web2", labels: { app: "web" } },
      spec: {
        selector: { app: "web" },
        type: "NodePort",
        ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }],
      },
    });
  });
  it("scale, label and delete", () => {
    const cluster = modernCluster();
    const api = new FakeApi(cluster);
    const env = testEnv(cluster, api);
    expect(k(env, "scale deploy/web --replicas=5").stdout).toBe("deployment.apps/web scaled\n");
    expect(cluster.store.get("Deployment", "default", "web")?.spec?.replicas).toBe(5);
    expect(k(env, "label svc web app=other").stderr).toBe(
      "error: 'app' already has a value (web), and --overwrite is false\n",
    );
    expect(k(env, "label svc web tier=db").stdout).toBe("service/web labeled\n");
    expect(k(env, "label svc web tier-").stdout).toBe("service/web unlabeled\n");
    expect(k(env, "delete svc web nope")).toEqual({
      stdout: 'service "web" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    });
  });
  it("run -it enters the pod and asks the lead to remove it with --rm", () => {
    const cluster = seedCluster();
    const api = new FakeApi(cluster);
    const r = k(testEnv(cluster, api), "run -it --rm --image nicolaka/netshoot testnet bash");
    expect(r.effects).toEqual([
      {
        type: "enter",
        context: { type: "pod", namespace: "default", pod: "testnet", container: "testnet", shell: "bash" },
        attach: { namespace: "default", name: "testnet", removeOnExit: true },
      },
    ]);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(api.calls[0]?.object).toMatchObject({
      metadata: { labels: { run: "testnet" } },
      spec: {
        containers: [{ name: "testnet", image: "nicolaka/netshoot", args: ["bash"], stdin: true, tty: true }],
      },
    });
    expect(k(testEnv(cluster, api), "run web --image=nginx").stdout).toBe("pod/web created\n");
  });
  it("get events finds none, as kubectl says of an empty list", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "get events")).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exitCode: 0,
    });
    expect(k(env, "get ev -A").stderr).toBe("No resources found\n");
  });
  it("exec returns the command to run in the pod", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "exec web-5d8f7b9c6d-4xk2p -- curl -s web").effects).toEqual([
      {
        type: "exec",
        namespace: "default",
        pod: "web-5d8f7b9c6d-4xk2p",
        container: "nginx",
        argv: ["curl", "-s", "web"],
      },
    ]);
    expect(k(env, "exec -it web-5d8f7b9c6d-4xk2p -- sh").effects).toMatchObject([
      { type: "enter", context: { type: "pod", shell: "sh" } },
    ]);
    expect(k(env, "exec nope -- sh").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe("kubectl itself", () => {
  it("rejects unknown commands with cobra's suggestion", () => {
    expect(k(testEnv(modernCluster()), "gte pods").stderr).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n',
    );
    expect(k(testEnv(modernCluster()), "foo").stderr).toBe(
      'error: unknown command "foo" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
  });
  it("prints version and cluster-info", () => {
    const env = testEnv(modernCluster());
    expect(k(env, "version").stdout).toBe(
      "Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n",
    );
    expect(k(env, "cluster-info").stdout).toMatch(
      /^Kubernetes control plane is running at https:\/\/172\.18\.0\.2:6443\n/,
    );
  });
});
