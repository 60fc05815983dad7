import { describe, expect, it } from "vitest";
import { service, slice, smallCluster } from "./cluster.testkit";
import { createIpvsMode } from "./mode";

describe("IPVS re-sync", () => {
  it("writes nothing and keeps every real server when nothing changed", () => {
    const input = smallCluster();
    const dp = createIpvsMode().build(input, "kind-worker");
    expect(dp.lastSyncWrites()).toBeGreaterThan(0);
    const before = new Map([...dp.state.virtualServers].map(([k, vs]) => [k, [...vs.dests]]));
    dp.sync(input);
    expect(dp.lastSyncWrites()).toBe(0);
    for (const [k, vs] of dp.state.virtualServers) expect(vs.dests).toEqual(before.get(k));
    for (const [k, vs] of dp.state.virtualServers)
      vs.dests.forEach((d, i) => {
        expect(d).toBe(before.get(k)?.[i]);
      });
  });

  it("counts one write per added endpoint and puts it at the head of the list", () => {
    const input = {
      ...smallCluster(),
      services: [
        service("default", "one", { type: "ClusterIP", clusterIP: "10.96.5.5", ports: [{ port: 80 }] }),
      ],
      endpointSlices: [
        slice("default", "one", [{ port: 8080 }], [{ ip: "10.244.1.2" }, { ip: "10.244.2.2" }]),
      ],
    };
    const dp = createIpvsMode().build(input, "kind-worker");
    const vs = dp.state.virtualServers.get("TCP/10.96.5.5:80");
    expect(vs?.dests.map((d) => d.key)).toEqual(["10.244.2.2:8080", "10.244.1.2:8080"]);
    dp.sync({
      ...input,
      endpointSlices: [
        slice(
          "default",
          "one",
          [{ port: 8080 }],
          [{ ip: "10.244.1.2" }, { ip: "10.244.2.2" }, { ip: "10.244.3.2" }],
        ),
      ],
    });
    expect(vs?.dests.map((d) => d.key)).toEqual(["10.244.3.2:8080", "10.244.2.2:8080", "10.244.1.2:8080"]);
    // One real server added; the endpoint runs on no node, so no KUBE-LOOP-BACK entry.
    expect(dp.lastSyncWrites()).toBe(1);
  });
});
