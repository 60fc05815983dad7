import { describe, expect, it } from "vitest";
import { ObjectStore, type StoreEvent } from "./store";
import type { ConfigMap, Node } from "./types";

const cm = (namespace: string, name: string): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace, uid: `uid-${name}`, creationTimestamp: "", resourceVersion: "" },
});

describe("ObjectStore", () => {
  it("lists in etcd key order: `namespace/name`, so `a-b/…` sorts before `a/…`", () => {
    const store = new ObjectStore();
    for (const [ns, name] of [
      ["a", "z"],
      ["a-b", "x"],
      ["a", "b"],
      ["b", "a"],
    ] as const)
      store.put("ConfigMap", cm(ns, name));
    expect(store.list("ConfigMap").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      "a-b/x",
      "a/b",
      "a/z",
      "b/a",
    ]);
    expect(store.list("ConfigMap", "a").map((o) => o.metadata.name)).toEqual(["b", "z"]);
    expect(store.list("ConfigMap", "none")).toEqual([]);
    expect(store.namespacesOf("ConfigMap").sort()).toEqual(["a", "a-b", "b"]);
    store.remove("ConfigMap", "b", "a");
    expect(store.namespacesOf("ConfigMap").sort()).toEqual(["a", "a-b"]);
  });

  it("carries one key per object on every event, and finds the object by it", () => {
    const store = new ObjectStore();
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    store.put("ConfigMap", cm("default", "one"));
    store.put("ConfigMap", cm("default", "one"));
    store.put("Node", {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "n1", uid: "u", creationTimestamp: "", resourceVersion: "" },
    } as Node);
    store.remove("ConfigMap", "default", "one");
    expect(events.map((e) => `${e.type} ${e.key}`)).toEqual([
      "ADDED default/one",
      "MODIFIED default/one",
      "ADDED n1",
      "DELETED default/one",
    ]);
    expect(events[0]!.key).toBe(events[1]!.key);
    expect(store.getByKey("Node", "n1")?.metadata.resourceVersion).toBe("3");
    expect(store.getByKey("ConfigMap", "default/one")).toBeUndefined();
    expect(store.count("ConfigMap")).toBe(0);
  });

  it("replaces an object in place of the old version, and iterates values unordered", () => {
    const store = new ObjectStore();
    store.put("ConfigMap", cm("default", "b"));
    store.put("ConfigMap", cm("default", "a"));
    const next = { ...cm("default", "b"), data: { k: "v" } };
    store.put("ConfigMap", next);
    expect(store.get("ConfigMap", "default", "b")).toBe(next);
    expect([...store.values("ConfigMap")].map((o) => o.metadata.name).sort()).toEqual(["a", "b"]);
    expect(store.count("ConfigMap")).toBe(2);
  });
});
