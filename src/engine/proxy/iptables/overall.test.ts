import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIptablesDataPlane } from "./dataPlane";
import { UPSTREAM_TEST_OPTIONS, upstreamOverallInput } from "./testObjects";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", name), "utf8");

describe("TestOverallIPTablesRules (upstream fixture)", () => {
  it("writes the same iptables-restore input as kube-proxy, byte for byte", () => {
    const dp = buildIptablesDataPlane(upstreamOverallInput(), "test-node", UPSTREAM_TEST_OPTIONS);
    expect(dp.restoreInput()).toBe(golden("TestOverallIPTablesRules.golden"));
  });
});
