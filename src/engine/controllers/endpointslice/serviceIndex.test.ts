import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import { putNode, putPod, putService } from "../fixtures.testkit";
import { ServiceIndex } from "./serviceIndex";

function setup() {
  const cluster = new Cluster(7);
  putNode(cluster, "w1", { podCIDR: "10.244.1.0/24" });
  return { cluster, index: new ServiceIndex(cluster.store) };
}

const names = (index: ServiceIndex, key: string) => index.podsOf(key).map((p) => p.pod.metadata.name);

describe("ServiceIndex.podsOf", () => {
  it("lists a Service's pods in name order, whatever order they came in", () => {
    const { cluster, index } = setup();
    putService(cluster, "web", { selector: { app: "web", tier: "front" } });
    putPod(cluster, "web-b", { labels: { app: "web", tier: "front" } });
    putPod(cluster, "web-a", { labels: { tier: "front", app: "web" } });
    putPod(cluster, "web-c", { labels: { app: "web" } });
    expect(names(index, "default/web")).toEqual(["web-a", "web-b"]);
  });

  it("answers again after a pod or the Service changes, not from what it answered before", () => {
    const { cluster, index } = setup();
    putService(cluster, "web", { selector: { app: "web" } });
    putPod(cluster, "web-1", { labels: { app: "web" } });
    expect(names(index, "default/web")).toEqual(["web-1"]);
    putPod(cluster, "web-2", { labels: { app: "web" } });
    expect(names(index, "default/web")).toEqual(["web-1", "web-2"]);
    putPod(cluster, "web-1", { labels: { app: "other" } });
    expect(names(index, "default/web")).toEqual(["web-2"]);
    putService(cluster, "web", { selector: { app: "other" } });
    expect(names(index, "default/web")).toEqual(["web-1"]);
    cluster.store.remove("Pod", "default", "web-1");
    expect(names(index, "default/web")).toEqual([]);
  });

  it("refers to the pod as it is now: a pod put again under its name with a new uid", () => {
    const { cluster, index } = setup();
    putService(cluster, "web", { selector: { app: "web" } });
    const first = putPod(cluster, "web-1", { labels: { app: "web" }, ip: "10.244.1.5" });
    expect(index.podsOf("default/web")[0]?.ref.uid).toBe(first.metadata.uid);
    const second = putPod(cluster, "web-1", { labels: { app: "web" }, ip: "10.244.1.5" });
    expect(second.metadata.uid).not.toBe(first.metadata.uid);
    expect(index.podsOf("default/web")[0]?.ref).toEqual({
      kind: "Pod",
      namespace: "default",
      name: "web-1",
      uid: second.metadata.uid,
    });
  });

  it("gives nothing for Services the endpoint controllers do not manage", () => {
    const { cluster, index } = setup();
    putPod(cluster, "web-1", { labels: { app: "web" } });
    putService(cluster, "ext", {
      type: "ExternalName",
      externalName: "example.com",
      selector: { app: "web" },
    });
    putService(cluster, "manual", {});
    expect(index.podsOf("default/ext")).toEqual([]);
    expect(index.podsOf("default/manual")).toEqual([]);
    expect(index.podsOf("default/missing")).toEqual([]);
  });
});
