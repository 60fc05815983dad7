import { describe, expect, it } from "vitest";
import { ruleStepsOf, testedIn, visitsOf } from "../../net/hopWalk.testkit";
import type { Packet } from "../../net/types";
import { Prng } from "../../util/prng";
import type { HookContext } from "../types";
import { buildIptablesDataPlane } from "./dataPlane";
import { SCENARIOS } from "./scenarios.testkit";

const pkt = (src: string, dst: string, dport: number, sport = 40000): Packet => ({
  proto: "TCP",
  src,
  sport,
  dst,
  dport,
  mark: 0,
  bytes: 60,
});
const ctx = (prng: Prng, over: Partial<HookContext> = {}): HookContext => ({
  node: "node-1",
  ctState: "NEW",
  dstIsLocal: false,
  srcIsLocal: false,
  random: () => prng.next(),
  nowMs: 0,
  ...over,
});

describe("evaluation", () => {
  it("DNATs a ClusterIP to each of 3 endpoints with probability 1/3", () => {
    const dp = buildIptablesDataPlane(SCENARIOS.clusterip!(), "node-1");
    const prng = new Prng(42);
    const hits: Record<string, number> = {};
    const n = 30000;
    for (let i = 0; i < n; i++) {
      const r = dp.hook("PREROUTING", pkt("10.244.1.9", "10.96.0.20", 80, 1000 + (i % 60000)), ctx(prng));
      expect(r.verdict).toBe("ACCEPT");
      const key = `${r.dnat?.ip}:${r.dnat?.port}`;
      hits[key] = (hits[key] ?? 0) + 1;
    }
    expect(Object.keys(hits).sort()).toEqual(["10.244.1.5:8080", "10.244.10.5:8080", "10.244.2.7:8080"]);
    for (const count of Object.values(hits)) expect(Math.abs(count / n - 1 / 3)).toBeLessThan(0.015);
  });

  it("records the walk: KUBE-SERVICES → KUBE-SVC → KUBE-SEP → DNAT, in iptables-save syntax", () => {
    const dp = buildIptablesDataPlane(SCENARIOS.clusterip!(), "node-1");
    const r = dp.hook(
      "PREROUTING",
      pkt("10.244.1.9", "10.96.0.20", 80),
      ctx(new Prng(1), { recordWalk: true }),
    );
    const chains = r.matched.map((m) => m.chain);
    expect(chains[0]).toBe("PREROUTING");
    expect(chains[1]).toBe("KUBE-SERVICES");
    expect(chains[2]).toMatch(/^KUBE-SVC-/);
    expect(chains.at(-1)).toMatch(/^KUBE-SEP-/);
    expect(r.matched.at(-1)!.rule).toMatch(
      /^-A KUBE-SEP-\w+ -p tcp -m comment --comment "default\/web" -m tcp -j DNAT --to-destination /,
    );
    expect(r.rulesEvaluated).toBe(testedIn(r.walk));
    // The same path, nested: PREROUTING calls KUBE-SERVICES, which calls KUBE-SVC, then KUBE-SEP.
    const path = visitsOf(r.walk)
      .filter((v) => v.table === "nat")
      .map((v) => v.chain.replace(/-[A-Z0-9]{16}$/, "-…"));
    expect(path).toEqual(["PREROUTING", "KUBE-SERVICES", "KUBE-SVC-…", "KUBE-SEP-…"]);
    const decided = ruleStepsOf(r.walk).filter((s) => s.decided);
    expect(decided.map((s) => s.text)).toEqual([r.matched.at(-1)!.rule]);
    expect(r.snat).toBeUndefined();
  });

  it("marks off-cluster clients and MASQUERADEs them in POSTROUTING", () => {
    const dp = buildIptablesDataPlane(SCENARIOS.clusterip!(), "node-1");
    const prng = new Prng(3);
    const pre = dp.hook("PREROUTING", pkt("192.168.1.50", "10.96.0.20", 80), ctx(prng));
    expect(pre.packet.mark).toBe(0x4000);
    const post = dp.hook("POSTROUTING", pre.packet, ctx(prng));
    expect(post.snat).toBe("MASQUERADE");
    expect(post.packet.mark).toBe(0);
  });

  it("skips nat chains for packets of an established connection", () => {
    const dp = buildIptablesDataPlane(SCENARIOS.clusterip!(), "node-1");
    const r = dp.hook(
      "PREROUTING",
      pkt("10.244.1.9", "10.96.0.20", 80),
      ctx(new Prng(1), { ctState: "ESTABLISHED" }),
    );
    expect(r.dnat).toBeUndefined();
    expect(r.rulesEvaluated).toBe(0);
  });

  it("session affinity sticks to one endpoint until the timeout passes", () => {
    const dp = buildIptablesDataPlane(SCENARIOS.affinity!(), "node-1");
    const prng = new Prng(9);
    const first = dp.hook("PREROUTING", pkt("10.244.1.9", "10.96.0.40", 80), ctx(prng, { nowMs: 0 })).dnat;
    for (let i = 1; i < 50; i++) {
      const r = dp.hook(
        "PREROUTING",
        pkt("10.244.1.9", "10.96.0.40", 80, 2000 + i),
        ctx(prng, { nowMs: i * 1000 }),
      );
      expect(r.dnat).toEqual(first);
      expect(r.matched.some((m) => m.rule.includes("--rcheck --seconds 600 --reap"))).toBe(true);
    }
    const others = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = dp.hook(
        "PREROUTING",
        pkt(`10.244.3.${i + 1}`, "10.96.0.40", 80),
        ctx(prng, { nowMs: 100_000 }),
      );
      others.add(r.dnat!.ip);
    }
    expect(others.size).toBe(2);
    // 600 s after its last connection, the client is balanced afresh (the list entry is reaped).
    const later = dp.hook(
      "PREROUTING",
      pkt("10.244.1.9", "10.96.0.40", 80),
      ctx(prng, { nowMs: 49_000 + 601_000 }),
    );
    expect(later.matched.some((m) => m.rule.includes("--rcheck") && m.action !== "no match")).toBe(false);
    expect(dp.recent[later.matched.at(-1)!.chain]?.["10.244.1.9"]).toBe(650_000);
  });

  it("REJECTs a Service without endpoints in filter (icmp-port-unreachable)", () => {
    const dp = buildIptablesDataPlane(SCENARIOS["no-endpoints"]!(), "node-1");
    const prng = new Prng(1);
    const nat = dp.hook("OUTPUT", pkt("192.168.1.10", "10.96.0.60", 80), ctx(prng, { srcIsLocal: true }));
    expect(nat.verdict).toBe("REJECT");
    expect(nat.rejectWith).toBe("icmp-port-unreachable");
    expect(nat.matched.at(-1)!.rule).toBe(
      '-A KUBE-SERVICES -d 10.96.0.60/32 -p tcp -m comment --comment "default/empty has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
    // The NodePort is refused too, from KUBE-EXTERNAL-SERVICES on INPUT.
    const np = dp.hook("INPUT", pkt("203.0.113.7", "192.168.1.10", 30060), ctx(prng, { dstIsLocal: true }));
    expect(np.verdict).toBe("REJECT");
  });

  it("eTP Local without a local endpoint: external NodePort traffic is DROPped", () => {
    const input = SCENARIOS["local-policy"]!();
    const dp = buildIptablesDataPlane(input, "node-3");
    const prng = new Prng(1);
    const pre = dp.hook(
      "PREROUTING",
      pkt("203.0.113.7", "192.168.1.12", 30080),
      ctx(prng, { node: "node-3", dstIsLocal: true }),
    );
    expect(pre.dnat).toBeUndefined();
    const inp = dp.hook("INPUT", pre.packet, ctx(prng, { node: "node-3", dstIsLocal: true }));
    expect(inp.verdict).toBe("DROP");
    expect(inp.matched.at(-1)!.rule).toContain('"default/edge has no local endpoints"');
  });

  it("eTP Local with a local endpoint keeps the client IP (no masquerade)", () => {
    const dp = buildIptablesDataPlane(SCENARIOS["local-policy"]!(), "node-1");
    const prng = new Prng(1);
    const pre = dp.hook(
      "PREROUTING",
      pkt("203.0.113.7", "192.168.1.10", 30080),
      ctx(prng, { dstIsLocal: true }),
    );
    expect(pre.dnat).toEqual({ ip: "10.244.1.5", port: 8080 });
    expect(pre.packet.mark).toBe(0);
  });

  it("loadBalancerSourceRanges: allowed source reaches a backend, others are dropped by KUBE-PROXY-FIREWALL", () => {
    const dp = buildIptablesDataPlane(SCENARIOS.loadbalancer!(), "node-1");
    const prng = new Prng(1);
    const ok = dp.hook("PREROUTING", pkt("203.0.113.2", "192.168.1.240", 443), ctx(prng));
    expect(ok.dnat?.port).toBe(8443);
    const blocked = dp.hook("PREROUTING", pkt("203.0.113.130", "192.168.1.240", 443), ctx(prng));
    expect(blocked.dnat).toBeUndefined();
    const fwd = dp.hook("FORWARD", blocked.packet, ctx(prng));
    expect(fwd.verdict).toBe("DROP");
  });
});
