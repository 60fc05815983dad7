import { describe, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import { buildIptablesDataPlane } from "./dataPlane";
import { UPSTREAM_TEST_OPTIONS, upstreamOverallInput } from "./objects.testkit";

const golden = goldenDir(new URL("./testdata/", import.meta.url));

describe("TestOverallIPTablesRules (upstream fixture)", () => {
  it("writes the same iptables-restore input as kube-proxy, byte for byte", () => {
    const dp = buildIptablesDataPlane(upstreamOverallInput(), "test-node", UPSTREAM_TEST_OPTIONS);
    golden("TestOverallIPTablesRules.golden", dp.restoreInput());
  });
});
