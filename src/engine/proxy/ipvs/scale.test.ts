import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../../cluster";
import type { ProxyInput } from "../types";
import { node, service, slice } from "./cluster.testkit";
import { createIpvsMode } from "./mode";

function cluster(n: number): ProxyInput {
  const services = [];
  const endpointSlices = [];
  for (let i = 0; i < n; i++) {
    const ip = `10.96.${(i >> 8) & 255}.${i & 255}`;
    services.push(
      service("default", `s${i}`, {
        type: "ClusterIP",
        clusterIP: ip,
        ports: [{ port: 80, protocol: "TCP" }],
      }),
    );
    endpointSlices.push(
      slice("default", `s${i}`, [{ port: 8080 }], [{ ip: `10.244.${(i >> 8) & 255}.${i & 255}` }]),
    );
  }
  return {
    services,
    endpointSlices,
    nodes: [node("n1", { internal: "172.18.0.2" })],
    config: defaultClusterConfig(),
  };
}

function costOfOnePacket(n: number): { lookups: number; rules: number } {
  const dp = createIpvsMode().build(cluster(n), "n1");
  const ctx = {
    node: "n1",
    ctState: "NEW" as const,
    dstIsLocal: true,
    srcIsLocal: false,
    random: () => 0,
    nowMs: 1,
  };
  const p = {
    proto: "TCP" as const,
    src: "10.244.200.1",
    sport: 40000,
    dst: "10.96.0.50",
    dport: 80,
    mark: 0,
    bytes: 60,
  };
  const a = dp.hook("PREROUTING", p, ctx);
  const b = dp.hook("INPUT", a.packet, ctx);
  expect(b.dnat?.port).toBe(8080);
  return { lookups: a.lookups + b.lookups, rules: a.rulesEvaluated + b.rulesEvaluated };
}

describe("IPVS lookup cost", () => {
  it("is the same for 100 and 3000 Services (hash tables, constant iptables rules)", () => {
    expect(costOfOnePacket(3000)).toEqual(costOfOnePacket(100));
  });
});
