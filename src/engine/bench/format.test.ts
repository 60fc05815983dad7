import { describe, expect, it } from "vitest";
import { expectGolden } from "../../testing/golden.testkit";
import type { LookupRow } from "./contract";
import { runLookupExperiment } from "./experiment";
import { alignColumns, formatLookupTable } from "./format";

describe("formatLookupTable", () => {
  it("aligns the mode left and every number right under its header", () => {
    expect(
      alignColumns(
        [
          ["MODE", "N"],
          ["ipvs", "1000"],
          ["nftables", "7"],
        ],
        [true, false],
      ),
    ).toBe("MODE         N\nipvs      1000\nnftables     7\n");
  });

  it("prints one row per (mode, size), as in testdata/lookup-table.golden", () => {
    const rows: LookupRow[] = runLookupExperiment(
      { services: [1, 10], endpointsPerService: 2, modes: ["iptables", "ipvs"], samples: 20, seed: 1 },
      () => 0,
    );
    expectGolden(formatLookupTable(rows), new URL("./testdata/lookup-table.golden", import.meta.url));
  });
});
