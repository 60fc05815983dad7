import { describe, expect, it } from "vitest";
import type { Packet } from "../../net/types";
import type { HookContext, ProxyInput } from "../types";
import { nftablesMode } from "./dataPlane";
import { overallInput, TEST_NODE } from "./objects.testkit";
import { syntheticInput } from "./synthetic.testkit";

function withExtraEndpoint(input: ProxyInput, sliceIndex: number, ip: string): ProxyInput {
  return {
    ...input,
    endpointSlices: input.endpointSlices.map((s, i) =>
      i === sliceIndex ? { ...s, endpoints: [...(s.endpoints ?? []), { addresses: [ip] }] } : s,
    ),
  };
}

describe("incremental sync", () => {
  it("writes the whole table on the first sync, nothing when nothing changed", () => {
    const plane = nftablesMode.build(overallInput(), TEST_NODE);
    expect(plane.lastSyncWrites()).toBeGreaterThan(100);
    plane.sync(overallInput());
    expect(plane.lastSyncWrites()).toBe(0);
  });

  it("writes only the changed Service's chains for a new endpoint: a new endpoint chain and the service chain", () => {
    const plane = nftablesMode.build(overallInput(), TEST_NODE);
    plane.sync(withExtraEndpoint(overallInput(), 0, "10.180.0.9"));
    expect(plane.lastSyncWrites()).toBe(6);
    expect(plane.listChain("service-ULMVA6XW-ns1/svc1/tcp/p80")).toContain("numgen random mod 2 vmap");
  });

  it("costs the same for a one-Service change whether there are 10 or 1,000 Services", () => {
    const writes = (n: number): number => {
      const input = syntheticInput(n, 3);
      const plane = nftablesMode.build(input, "worker-1");
      plane.sync(withExtraEndpoint(input, 0, "10.244.250.250"));
      return plane.lastSyncWrites();
    };
    expect(writes(1000)).toBe(writes(10));
  });

  it("removes a deleted Service's elements and flushes its chains", () => {
    const plane = nftablesMode.build(overallInput(), TEST_NODE);
    const input = overallInput();
    plane.sync({ ...input, services: input.services.filter((s) => s.metadata.name !== "svc1") });
    expect(plane.lastSyncWrites()).toBe(4);
    expect(plane.listTable(0)).not.toContain("172.30.0.41");
  });

  it("keeps session-affinity entries across a sync", () => {
    const plane = nftablesMode.build(overallInput(), TEST_NODE);
    const p: Packet = {
      proto: "TCP",
      src: "10.0.0.7",
      sport: 1234,
      dst: "172.30.0.45",
      dport: 80,
      mark: 0,
      bytes: 60,
    };
    const ctx: HookContext = {
      node: TEST_NODE,
      ctState: "NEW",
      dstIsLocal: false,
      srcIsLocal: false,
      random: () => 0,
      nowMs: 0,
    };
    plane.hook("PREROUTING", p, ctx);
    plane.sync(withExtraEndpoint(overallInput(), 0, "10.180.0.9"));
    expect(plane.listTable(1000)).toContain("elements = { 10.0.0.7 expires 2h59m59s }");
  });
});
