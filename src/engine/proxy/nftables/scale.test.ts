import { beforeAll, describe, expect, it } from "vitest";
import type { Packet } from "../../net/types";
import type { HookContext, ProxyInput } from "../types";
import { type NftablesDataPlane, nftablesMode } from "./dataPlane";
import { NODE } from "./scenarios.testkit";
import { syntheticInput } from "./synthetic.testkit";

const SERVICES = 10_000;
const ENDPOINTS = 10;

function ip(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Service i's ClusterIP and endpoint addresses, as syntheticInput makes them. */
function clusterIP(i: number): string {
  return ip(((10 << 24) | (96 << 16)) + 1 + i);
}
function endpointIPs(i: number): string[] {
  return Array.from({ length: ENDPOINTS }, (_, j) =>
    ip(((10 << 24) | (244 << 16)) + 2 + ((i * ENDPOINTS + j) % 65000)),
  );
}

function firstPacket(plane: NftablesDataPlane, dst: string, draw: number) {
  const p: Packet = { proto: "TCP", src: "10.244.200.1", sport: 40000, dst, dport: 80, mark: 0, bytes: 60 };
  const ctx: HookContext = {
    node: NODE,
    ctState: "NEW",
    dstIsLocal: false,
    srcIsLocal: false,
    random: () => draw,
    nowMs: 0,
  };
  return plane.hook("PREROUTING", p, ctx);
}

function withSlice(input: ProxyInput, i: number, endpoints: { addresses: string[] }[]): ProxyInput {
  return {
    ...input,
    endpointSlices: input.endpointSlices.map((s, k) => (k === i ? { ...s, endpoints } : s)),
  };
}

describe(`${SERVICES.toLocaleString("en")} Services × ${ENDPOINTS} endpoints`, () => {
  let input: ProxyInput;
  let plane: NftablesDataPlane;
  beforeAll(() => {
    input = syntheticInput(SERVICES, ENDPOINTS);
    plane = nftablesMode.build(input, NODE);
  }, 60_000);

  it("holds a cluster-ips and a service-ips element per Service, 11 chains and 22 rules each", () => {
    const fixed = nftablesMode.build(syntheticInput(0, 0), NODE).size().detail;
    const size = plane.size();
    expect(size.primary).toBe(2 * SERVICES + 1);
    expect(size.detail["cluster-ips"]).toBe(SERVICES);
    expect(size.detail["service-ips"]).toBe(SERVICES);
    expect(size.detail["nodeport-ips"]).toBe(1);
    expect(size.detail.chains).toBe((fixed.chains ?? 0) + SERVICES * (ENDPOINTS + 1));
    expect(size.detail.rules).toBe((fixed.rules ?? 0) + SERVICES * (2 * ENDPOINTS + 2));
  });

  it("DNATs a sample of ClusterIPs to their own endpoints in 8 rules and 3 lookups", () => {
    for (const i of [0, 1, 777, 4096, 5000, 9998, SERVICES - 1])
      for (const draw of [0, 0.55, 0.99]) {
        const r = firstPacket(plane, clusterIP(i), draw);
        const sorted = endpointIPs(i)
          .map((a) => `${a}:8080`)
          .sort();
        expect(r.dnat).toEqual({ ip: sorted[Math.floor(draw * ENDPOINTS)]?.split(":")[0], port: 8080 });
        expect([r.rulesEvaluated, r.lookups]).toEqual([8, 3]);
      }
  });

  it("writes only what a one-Service change touches, then nothing when nothing changed", () => {
    const grown = withSlice(input, 4321, [
      ...(input.endpointSlices[4321]?.endpoints ?? []),
      { addresses: ["10.250.0.1"] },
    ]);
    plane.sync(grown);
    expect(plane.lastSyncWrites()).toBe(6);
    expect(plane.listChain(`service-${hashOfService(plane, 4321)}`)).toContain("numgen random mod 11 vmap");
    expect(plane.size().primary).toBe(2 * SERVICES + 1);
    plane.sync(grown);
    expect(plane.lastSyncWrites()).toBe(0);
    const fewer = { ...grown, services: grown.services.filter((_, k) => k !== 4321) };
    plane.sync(fewer);
    expect(plane.lastSyncWrites()).toBe(ENDPOINTS + 1 + 1 + 2);
    expect(plane.size().primary).toBe(2 * SERVICES - 1);
    expect(firstPacket(plane, clusterIP(4321), 0).verdict).toBe("ACCEPT");
    expect(firstPacket(plane, clusterIP(4321), 0).dnat).toBeUndefined();
    plane.sync(input);
    expect(plane.lastSyncWrites()).toBe(2 + (1 + 2) + ENDPOINTS * (1 + 2));
    expect(firstPacket(plane, clusterIP(4321), 0).dnat?.ip).toBe(endpointIPs(4321).sort()[0]);
  });
});

/** `HASH-bench/svc-NNNNN/tcp/http`, read back from the service-ips element's verdict. */
function hashOfService(plane: NftablesDataPlane, i: number): string {
  const line = plane
    .listSet("map", "service-ips", 0)
    ?.split("\n")
    .find((l) => l.includes(`${clusterIP(i)} . tcp . 80 :`));
  return line?.split("goto service-")[1]?.replace(/,$/, "").trim() ?? "";
}
