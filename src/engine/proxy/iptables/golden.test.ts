import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import { Prng } from "../../util/prng";
import { buildIptablesDataPlane } from "./dataPlane";
import { SCENARIOS } from "./scenarios.testkit";

const golden = goldenDir(new URL("./testdata/", import.meta.url));
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const build = (name: string) => buildIptablesDataPlane(SCENARIOS[name]!(), "node-1");

describe("iptables-save -t nat goldens", () => {
  for (const name of Object.keys(SCENARIOS)) {
    it(name, () => {
      golden(`${name}.nat.golden`, build(name).save({ table: "nat", nowMs: NOW }));
    });
  }
  for (const name of ["no-endpoints", "loadbalancer", "local-policy"]) {
    it(`${name} (filter)`, () => {
      golden(`${name}.filter.golden`, build(name).save({ table: "filter", nowMs: NOW }));
    });
  }
  it("all tables", () => {
    golden("clusterip.save-all.golden", build("clusterip").save({ nowMs: NOW }));
  });
});

describe("iptables -t nat -L KUBE-SERVICES", () => {
  it("-n --line-numbers", () => {
    const out = build("clusterip").list("nat", { chain: "KUBE-SERVICES", numeric: true, lineNumbers: true });
    golden("clusterip.L-KUBE-SERVICES-n-line-numbers.golden", out.stdout);
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
    golden("clusterip.L-KUBE-SERVICES-nv.golden", out.stdout);
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
