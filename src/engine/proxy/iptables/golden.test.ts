import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Prng } from "../../util/prng";
import { buildIptablesDataPlane } from "./dataPlane";
import { SCENARIOS } from "./scenarios";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", name), "utf8");
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const build = (name: string) => buildIptablesDataPlane(SCENARIOS[name]!(), "node-1");

describe("iptables-save -t nat goldens", () => {
  for (const name of Object.keys(SCENARIOS)) {
    it(name, () => {
      expect(build(name).save({ table: "nat", nowMs: NOW })).toBe(golden(`${name}.nat.golden`));
    });
  }
  for (const name of ["no-endpoints", "loadbalancer", "local-policy"]) {
    it(`${name} (filter)`, () => {
      expect(build(name).save({ table: "filter", nowMs: NOW })).toBe(golden(`${name}.filter.golden`));
    });
  }
  it("all tables", () => {
    expect(build("clusterip").save({ nowMs: NOW })).toBe(golden("clusterip.save-all.golden"));
  });
});

describe("iptables -t nat -L KUBE-SERVICES", () => {
  it("-n --line-numbers", () => {
    const out = build("clusterip").list("nat", { chain: "KUBE-SERVICES", numeric: true, lineNumbers: true });
    expect(out.stdout).toBe(golden("clusterip.L-KUBE-SERVICES-n-line-numbers.golden"));
  });
  it("-n -v counts the packets that passed", () => {
    const dp = build("clusterip");
    const prng = new Prng(7);
    for (let i = 0; i < 3; i++) {
      dp.hook(
        "OUTPUT",
        {
          proto: "TCP",
          src: "192.168.1.10",
          sport: 40000 + i,
          dst: "10.96.0.20",
          dport: 80,
          mark: 0,
          bytes: 60,
        },
        {
          node: "node-1",
          ctState: "NEW",
          dstIsLocal: false,
          srcIsLocal: true,
          random: () => prng.next(),
          nowMs: NOW,
        },
      );
    }
    const out = dp.list("nat", { chain: "KUBE-SERVICES", numeric: true, verbose: true });
    expect(out.stdout).toBe(golden("clusterip.L-KUBE-SERVICES-nv.golden"));
    expect(dp.save({ table: "nat", nowMs: NOW, counters: true })).toContain("[3:180] -A OUTPUT");
  });
  it("an unknown chain is an error", () => {
    expect(build("clusterip").list("nat", { chain: "NOPE" })).toEqual({
      stdout: "",
      stderr: "iptables: No chain/target/match by that name.\n",
      exitCode: 1,
    });
  });
});
