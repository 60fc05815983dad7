import { describe, expect, it } from "vitest";
import type { Packet } from "../../net/types";
import { Prng } from "../../util/prng";
import type { HookContext, HookResult } from "../types";
import { nftablesMode } from "./dataPlane";
import { overallInput, TEST_NODE } from "./objects.testkit";
import { syntheticInput } from "./synthetic.testkit";

function pkt(src: string, dst: string, dport: number, proto: Packet["proto"] = "TCP"): Packet {
  return { proto, src, sport: 40000, dst, dport, mark: 0, bytes: 60, flags: ["SYN"] };
}

function ctx(over: Partial<HookContext> = {}): HookContext {
  return {
    node: TEST_NODE,
    ctState: "NEW",
    dstIsLocal: false,
    srcIsLocal: false,
    random: () => 0,
    nowMs: 0,
    ...over,
  };
}

/** A pod's first packet through a node: PREROUTING, then FORWARD, then POSTROUTING on the rewritten packet. */
function forward(plane: ReturnType<typeof nftablesMode.build>, p: Packet, c: HookContext): HookResult[] {
  const pre = plane.hook("PREROUTING", p, c);
  if (pre.verdict !== "ACCEPT") return [pre];
  const fwd = plane.hook("FORWARD", pre.packet, c);
  if (fwd.verdict !== "ACCEPT") return [pre, fwd];
  return [pre, fwd, plane.hook("POSTROUTING", fwd.packet, c)];
}

describe("nftables evaluation", () => {
  const plane = nftablesMode.build(overallInput(), TEST_NODE);

  it("DNATs a ClusterIP through one service-ips lookup, without masquerade for pod traffic", () => {
    const [pre, , post] = forward(plane, pkt("10.0.0.2", "172.30.0.41", 80), ctx());
    expect(pre?.dnat).toEqual({ ip: "10.180.0.1", port: 80 });
    expect(pre?.matched.map((m) => m.rule)).toEqual([
      "ct state new jump firewall-check",
      "jump services",
      "ip daddr . meta l4proto . th dport vmap @service-ips",
      "numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }",
      "meta l4proto tcp dnat to 10.180.0.1:80",
    ]);
    expect(pre?.matched[2]?.action).toBe("goto service-ULMVA6XW-ns1/svc1/tcp/p80");
    expect(post?.snat).toBeUndefined();
  });

  it("masquerades hairpin traffic (an endpoint reaching its own Service)", () => {
    const [pre, , post] = forward(plane, pkt("10.180.0.1", "172.30.0.41", 80), ctx());
    expect(pre?.packet.mark).toBe(0x4000);
    expect(post?.snat).toBe("MASQUERADE");
    expect(post?.packet.mark).toBe(0);
  });

  it("spreads connections evenly with numgen over seeded draws", () => {
    const prng = new Prng(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const r = plane.hook(
        "PREROUTING",
        pkt("10.0.0.2", "172.30.0.44", 80),
        ctx({ random: () => prng.next() }),
      );
      const ip = r.dnat?.ip ?? "none";
      counts.set(ip, (counts.get(ip) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["10.180.0.4", "10.180.0.5"]);
    expect(counts.get("10.180.0.4")).toBeGreaterThan(900);
    expect(counts.get("10.180.0.5")).toBeGreaterThan(900);
  });

  it("rejects a Service without endpoints in the filter chains", () => {
    const [, fwd] = forward(plane, pkt("10.0.0.2", "172.30.0.46", 80), ctx());
    expect(fwd?.verdict).toBe("REJECT");
    expect(fwd?.rejectWith).toBe("icmp port-unreachable");
    expect(fwd?.matched.at(-1)?.chain).toBe("reject-chain");
  });

  it("rejects a wrong port or protocol of a ClusterIP, drops an unallocated ClusterIP", () => {
    expect(forward(plane, pkt("10.0.0.2", "172.30.0.41", 443), ctx())[1]?.verdict).toBe("REJECT");
    expect(forward(plane, pkt("10.0.0.2", "172.30.0.41", 80, "UDP"), ctx())[1]?.verdict).toBe("REJECT");
    expect(forward(plane, pkt("10.0.0.2", "172.30.0.50", 80), ctx())[1]?.verdict).toBe("DROP");
  });

  it("drops external traffic for eTP Local without local endpoints, but short-circuits pods", () => {
    const ext = plane.hook("PREROUTING", pkt("203.0.113.2", "1.2.3.4", 80), ctx());
    expect(ext.dnat).toBeUndefined();
    expect(plane.hook("INPUT", ext.packet, ctx()).verdict).toBe("DROP");
    const nodePort = plane.hook("PREROUTING", pkt("203.0.113.2", "192.168.0.2", 3001), ctx());
    expect(plane.hook("INPUT", nodePort.packet, ctx()).verdict).toBe("DROP");
    expect(plane.hook("PREROUTING", pkt("10.0.0.2", "1.2.3.4", 80), ctx()).dnat).toEqual({
      ip: "10.180.0.2",
      port: 80,
    });
  });

  it("enforces loadBalancerSourceRanges on the LB IP only", () => {
    expect(plane.hook("PREROUTING", pkt("203.0.113.130", "5.6.7.8", 80), ctx()).verdict).toBe("DROP");
    expect(plane.hook("PREROUTING", pkt("203.0.113.2", "5.6.7.8", 80), ctx()).dnat?.ip).toBe("10.180.0.3");
    expect(plane.hook("PREROUTING", pkt("203.0.113.130", "192.168.0.2", 3002), ctx()).dnat?.ip).toBe(
      "10.180.0.3",
    );
  });

  it("changes and counts a counts-only packet as any other, listing no matched rule", () => {
    const full = forward(plane, pkt("10.0.0.2", "172.30.0.41", 80), ctx());
    const counted = forward(plane, pkt("10.0.0.2", "172.30.0.41", 80), ctx({ countsOnly: true }));
    expect(counted.map((r) => r.matched)).toEqual(full.map(() => []));
    expect(counted.map((r) => ({ ...r, matched: [] }))).toEqual(full.map((r) => ({ ...r, matched: [] })));
  });

  it("skips the nat chains for packets of established connections", () => {
    const r = plane.hook("PREROUTING", pkt("10.0.0.2", "172.30.0.41", 80), ctx({ ctState: "ESTABLISHED" }));
    expect(r.dnat).toBeUndefined();
    expect(r.matched).toEqual([]);
  });

  it("keeps a client on its endpoint with session affinity until the timeout passes", () => {
    const input = overallInput();
    const svc5 = input.endpointSlices.find((s) => s.metadata.name.startsWith("svc5"));
    svc5?.endpoints?.push({ addresses: ["10.180.0.9"] });
    const p = nftablesMode.build(input, TEST_NODE);
    const first = p.hook(
      "PREROUTING",
      pkt("10.0.0.7", "172.30.0.45", 80),
      ctx({ random: () => 0.99, nowMs: 0 }),
    );
    expect(first.dnat?.ip).toBe("10.180.0.9");
    const again = p.hook(
      "PREROUTING",
      pkt("10.0.0.7", "172.30.0.45", 80),
      ctx({ random: () => 0, nowMs: 60_000 }),
    );
    expect(again.dnat?.ip).toBe("10.180.0.9");
    expect(again.matched.some((m) => m.rule.startsWith("ip saddr @affinity-"))).toBe(true);
    const later = p.hook(
      "PREROUTING",
      pkt("10.0.0.7", "172.30.0.45", 80),
      ctx({ random: () => 0, nowMs: 60_000 + 10_800_001 }),
    );
    expect(later.dnat?.ip).toBe("10.180.0.3");
  });
});

describe("lookup cost does not grow with the number of Services", () => {
  function firstPacketCost(n: number): { rulesEvaluated: number; lookups: number } {
    const plane = nftablesMode.build(syntheticInput(n, 3), "worker-1");
    const r = plane.hook("PREROUTING", pkt("10.244.9.9", "10.96.0.1", 80), ctx({ node: "worker-1" }));
    expect(r.dnat?.port).toBe(8080);
    return { rulesEvaluated: r.rulesEvaluated, lookups: r.lookups };
  }

  it("costs the same for 10 and 1,000 Services: one service-ips lookup", () => {
    const small = firstPacketCost(10);
    expect(firstPacketCost(1000)).toEqual(small);
    expect(small).toEqual({ rulesEvaluated: 8, lookups: 3 });
  });
});
