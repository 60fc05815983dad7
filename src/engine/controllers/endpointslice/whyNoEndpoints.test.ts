import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Simulation } from "../../simulation";

/** The manifests of a lesson's first step, as the lesson applies them. */
function lessonManifests(file: string): string {
  const lesson = parse(readFileSync(`src/lessons/${file}`, "utf8")) as { steps: { manifests?: string }[] };
  return lesson.steps[0]!.manifests!;
}

function applied(text: string): Simulation {
  const sim = new Simulation();
  const report = sim.apply([{ name: "manifests.yaml", text }]);
  expect(report.errors).toEqual([]);
  // Pods start and pass their probes.
  sim.advanceClock(30_000);
  return sim;
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - name: http
              containerPort: 80
`;

function service(spec: string): string {
  return `${WEB}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: probe\nspec:\n${spec}`;
}

describe("whyNoEndpoints", () => {
  it("the no-endpoints example: no pod carries the selector's labels, and none comes near", () => {
    const sim = applied(readFileSync("src/examples/08-no-endpoints.yaml", "utf8"));
    expect(sim.whyNoEndpoints("default", "nobody-home")).toEqual({
      reason: "NoMatchingPods",
      selector: { app: "does-not-exist" },
      nearest: [],
      elsewhere: [],
    });
  });

  it("the selector-typo lesson: the nearest labels are the pods' app=web against the selector's wbe", () => {
    const sim = applied(lessonManifests("10-selector-typo.yaml"));
    const answer = sim.whyNoEndpoints("default", "web");
    expect(answer.reason).toBe("NoMatchingPods");
    if (answer.reason !== "NoMatchingPods") return;
    expect(answer.nearest[0]).toMatchObject({
      matched: 0,
      misses: [{ key: "app", want: "wbe", have: "web" }],
      podCount: 3,
    });
  });

  it("orders near misses by pairs satisfied, and names the namespaces where pods do match", () => {
    const sim = applied(
      `${service("  selector:\n    app: web\n    tier: back\n  ports:\n    - port: 80\n")}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  namespace: other\n  labels:\n    app: web\n    tier: back\nspec:\n  containers:\n    - name: c\n      image: nginx\n`,
    );
    const answer = sim.whyNoEndpoints("default", "probe");
    expect(answer).toMatchObject({
      reason: "NoMatchingPods",
      nearest: [{ matched: 1, misses: [{ key: "tier", want: "back", have: "front" }], podCount: 2 }],
      elsewhere: [{ namespace: "other", pods: 1 }],
    });
  });

  it("a named targetPort no selected pod declares", () => {
    const sim = applied(
      service(
        "  selector:\n    app: web\n  ports:\n    - name: web\n      port: 80\n      targetPort: https\n",
      ),
    );
    expect(sim.whyNoEndpoints("default", "probe")).toMatchObject({
      reason: "PortNotFound",
      ports: [{ port: 80, name: "web", protocol: "TCP", targetPort: "https" }],
      declared: ["http (80/TCP)"],
      podCount: 2,
    });
  });

  it("one port of two: the Service has endpoints, the port whose named targetPort no pod declares has none", () => {
    const sim = applied(
      service(
        "  selector:\n    app: web\n  ports:\n    - name: web\n      port: 80\n      targetPort: http\n    - name: admin\n      port: 8443\n      targetPort: https\n",
      ),
    );
    expect(sim.whyNoEndpoints("default", "probe").reason).toBe("HasEndpoints");
    expect(sim.whyNoEndpoints("default", "probe", "web")).toMatchObject({ reason: "HasEndpoints", ready: 2 });
    expect(sim.whyNoEndpoints("default", "probe", "admin")).toMatchObject({
      reason: "PortNotFound",
      ports: [{ port: 8443, name: "admin", targetPort: "https" }],
      podCount: 2,
    });
  });

  it("pods that match and carry the port but are not ready", () => {
    const sim = applied(
      service("  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n"),
    );
    expect(sim.whyNoEndpoints("default", "probe").reason).toBe("HasEndpoints");
    const pods = sim.objects().filter((o) => o.kind === "Pod" && o.metadata.name.startsWith("web-"));
    for (const p of pods) sim.setPodReady("default", p.metadata.name, false);
    expect(sim.whyNoEndpoints("default", "probe")).toMatchObject({
      reason: "PodsNotReady",
      podCount: 2,
      pods: [
        { ready: false, phase: "Running" },
        { ready: false, phase: "Running" },
      ],
    });
  });

  it("no selector: the endpoints are the slices someone writes", () => {
    const sim = applied(service("  ports:\n    - port: 80\n"));
    expect(sim.whyNoEndpoints("default", "probe")).toEqual({ reason: "NoSelector", slices: 0 });
  });

  it("ExternalName Services and unknown names", () => {
    const sim = applied(readFileSync("src/examples/03-externalname.yaml", "utf8"));
    const external = sim.objects().find((o) => o.kind === "Service" && o.spec?.type === "ExternalName");
    expect(sim.whyNoEndpoints("default", external!.metadata.name)).toEqual({ reason: "ExternalName" });
    expect(sim.whyNoEndpoints("default", "missing")).toEqual({ reason: "NotFound" });
  });

  it("an imported dump: its Services keep the slices the cluster reported", async () => {
    const sim = new Simulation();
    const report = await sim.importCluster({
      name: "kind.yaml",
      text: readFileSync("testdata/import/kind.yaml", "utf8"),
    });
    expect(report.imported).toBe(true);
    expect(sim.whyNoEndpoints("default", "web")).toMatchObject({ reason: "HasEndpoints" });
    sim.apply([
      {
        name: "typo.yaml",
        text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: webb\nspec:\n  selector:\n    app: webb\n  ports:\n    - port: 80\n",
      },
    ]);
    const answer = sim.whyNoEndpoints("default", "webb");
    expect(answer).toMatchObject({
      reason: "NoMatchingPods",
      nearest: [{ misses: [{ key: "app", want: "webb", have: "web" }] }],
    });
  });
});
