import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { putNode } from "./fixtures.testkit";
import { installControllers } from "./index";

describe("node IPAM", () => {
  it("gives nodes without a podCIDR the next free /24, in creation order", () => {
    const cluster = new Cluster(1);
    installControllers(cluster);
    putNode(cluster, "cp");
    putNode(cluster, "manual", { podCIDR: "10.244.1.0/24" });
    cluster.clock.advance(1000);
    putNode(cluster, "a-late");
    cluster.reconcile();
    const cidrs = Object.fromEntries(
      cluster.store.list("Node").map((n) => [n.metadata.name, n.spec?.podCIDRs]),
    );
    expect(cidrs).toEqual({ cp: ["10.244.0.0/24"], manual: ["10.244.1.0/24"], "a-late": ["10.244.2.0/24"] });
  });
});
