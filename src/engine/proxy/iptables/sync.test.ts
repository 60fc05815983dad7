import { describe, expect, it } from "vitest";
import { buildIptablesDataPlane } from "./dataPlane";
import { chainRuleCount, readRules } from "./netfilter/lazy";
import { slice } from "./objects.testkit";
import { SCENARIOS } from "./scenarios.testkit";

describe("sync", () => {
  it("counts each chain's rules as the restore input writes them (every scenario)", () => {
    for (const [name, make] of Object.entries(SCENARIOS)) {
      const dp = buildIptablesDataPlane(make(), "node-1");
      expect(dp.lastSyncWrites(), name).toBe((dp.restoreInput().match(/^-A /gm) ?? []).length);
      for (const chain of dp.ruleset.tables.nat!.chains.values())
        expect(chainRuleCount(chain), `${name} ${chain.name}`).toBe(readRules(chain).length);
    }
  });

  it("a first sync writes every rule; an unchanged partial sync only the top-level chains", () => {
    const input = SCENARIOS.clusterip!();
    const dp = buildIptablesDataPlane(input, "node-1");
    const full = dp.lastSyncWrites();
    expect(full).toBe((dp.restoreInput().match(/^-A /gm) ?? []).length);
    dp.sync(input);
    // KUBE-SERVICES (2), KUBE-POSTROUTING (3), KUBE-MARK-MASQ (1), KUBE-FIREWALL (1), KUBE-FORWARD (3).
    expect(dp.lastSyncWrites()).toBe(10);
    expect(dp.lastRestoreInput()).not.toContain("KUBE-SEP-");
  });

  it("an endpoint change rewrites that service's chains and deletes the stale one", () => {
    const input = SCENARIOS.clusterip!();
    const dp = buildIptablesDataPlane(input, "node-1");
    const fewer = {
      ...input,
      endpointSlices: [slice("default", "web", [{ port: 8080 }], [{ ip: "10.244.1.5", nodeName: "node-1" }])],
    };
    dp.sync(fewer);
    // 10 top-level + SVC (masq + 1 jump) + 1 SEP × 2 + 2 deleted SEP chains.
    expect(dp.lastSyncWrites()).toBe(16);
    expect([...dp.ruleset.tables.nat!.chains.keys()].filter((c) => c.startsWith("KUBE-SEP-"))).toHaveLength(
      1,
    );
    expect(dp.lastRestoreInput()).toContain("-j DNAT --to-destination 10.244.1.5:8080");
  });

  it("unchanged chains keep their counters across a partial sync", () => {
    const input = SCENARIOS.clusterip!();
    const dp = buildIptablesDataPlane(input, "node-1");
    dp.hook(
      "PREROUTING",
      { proto: "TCP", src: "10.244.1.9", sport: 1, dst: "10.96.0.20", dport: 80, mark: 0, bytes: 100 },
      { node: "node-1", ctState: "NEW", dstIsLocal: false, srcIsLocal: false, random: () => 0, nowMs: 0 },
    );
    const svc = [...dp.ruleset.tables.nat!.chains.keys()].find((c) => c.startsWith("KUBE-SVC-"))!;
    dp.sync(input);
    expect(dp.ruleset.tables.nat!.chains.get(svc)!.rules.at(1)!.counters).toEqual({ pkts: 1, bytes: 100 });
    expect(dp.ruleset.tables.nat!.chains.get("KUBE-SERVICES")!.rules[0]!.counters.pkts).toBe(0);
  });
});
