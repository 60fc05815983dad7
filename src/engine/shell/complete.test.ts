import { beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../simulation";

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
    - name: sidecar
      image: busybox:1.36
`;

describe("tab completion of the commands logs, patch, explain and help", () => {
  const sim = new Simulation({ seed: 1 });
  sim.apply([{ name: "web.yaml", text: WEB }]);
  beforeAll(() => sim.loadAssets());

  it("offers the new verbs", () => {
    expect(sim.complete("kubectl ex")).toEqual(["exec", "explain", "expose"]);
    expect(sim.complete("kubectl l")).toEqual(["label", "logs"]);
    expect(sim.complete("kubectl pa")).toEqual(["patch"]);
    expect(sim.complete("kubectl help lo")).toEqual(["logs"]);
  });

  it("logs: pod names, then the pod's containers after -c", () => {
    expect(sim.complete("kubectl logs w")).toEqual(["web"]);
    expect(sim.complete("kubectl logs web -c ")).toEqual(["nginx", "sidecar"]);
    expect(sim.complete("kubectl logs web -c s")).toEqual(["sidecar"]);
  });

  it("patch: resource types, then names", () => {
    expect(sim.complete("kubectl patch po")).toEqual(["po", "pod", "pods"]);
    expect(sim.complete("kubectl patch pod w")).toEqual(["web"]);
  });

  it("explain: resource types, then the fields of the schema, level by level", () => {
    expect(sim.complete("kubectl explain sv")).toEqual(["svc"]);
    expect(sim.complete("kubectl explain svc.sp")).toEqual(["svc.spec"]);
    expect(sim.complete("kubectl explain svc.spec.po")).toEqual(["svc.spec.ports"]);
    expect(sim.complete("kubectl explain svc.spec.ports.ta")).toEqual(["svc.spec.ports.targetPort"]);
    expect(sim.complete("kubectl explain deploy.spec.template.spec.containers.ima")).toEqual([
      "deploy.spec.template.spec.containers.image",
      "deploy.spec.template.spec.containers.imagePullPolicy",
    ]);
    expect(sim.complete("kubectl explain svc.nope.x")).toEqual([]);
  });
});
