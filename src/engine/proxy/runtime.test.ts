import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { addNode, addPod, addService } from "../net/network.testkit";
import { createProxyModes } from "./modes";
import { ProxyRuntime } from "./runtime";

describe("ProxyRuntime", () => {
  it("hands every node the same snapshot until Services, EndpointSlices, Nodes or the config change", () => {
    const c = new Cluster(1);
    addNode(c, "n1", "192.168.1.10", "10.244.1.0/24");
    const rt = new ProxyRuntime(c, createProxyModes());
    const first = rt.input();
    addPod(c, "p", "n1", "10.244.1.5", "nginx");
    expect(rt.input()).toBe(first);
    addService(c, "web", { type: "ClusterIP", clusterIP: "10.96.0.12", ports: [{ port: 80 }] });
    const second = rt.input();
    expect(second).not.toBe(first);
    expect(second.services.map((s) => s.metadata.name)).toEqual(["web"]);
    c.config = { ...c.config, proxyMode: "ipvs" };
    expect(rt.input()).not.toBe(second);
    expect(rt.input().config.proxyMode).toBe("ipvs");
  });

  it("builds a node's plane once and rebuilds it for a new mode", () => {
    const c = new Cluster(1);
    addNode(c, "n1", "192.168.1.10", "10.244.1.0/24");
    const rt = new ProxyRuntime(c, createProxyModes());
    const a = rt.dataPlaneFor("n1");
    addPod(c, "p", "n1", "10.244.1.5", "nginx");
    expect(rt.dataPlaneFor("n1")).toBe(a);
    c.config = { ...c.config, proxyMode: "nftables" };
    expect(rt.dataPlaneFor("n1").mode).toBe("nftables");
  });
});
