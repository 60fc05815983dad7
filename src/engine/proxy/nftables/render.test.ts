import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import { buildTable } from "./build";
import { fromListing, fromTransaction } from "./canonical.testkit";
import { overallInput, TEST_NODE } from "./objects.testkit";
import { formatDuration, priorityText, renderTable } from "./render";
import { NODE, SCENARIOS } from "./scenarios.testkit";

/** Golden files are real `nft list` output (nft 1.0.6) of the same objects (`UPDATE_GOLDENS=1` rewrites them). */
const inTestdata = goldenDir(new URL("./testdata/", import.meta.url));
const golden = (name: string, actual: string): void => inTestdata(`${name}.golden`, actual);

describe("upstream TestOverallNFTablesRules", () => {
  const upstream = readFileSync(new URL("./testdata/TestOverallNFTablesRules.nft", import.meta.url), "utf8");
  const ours = renderTable(buildTable(overallInput(), TEST_NODE), new Map(), 0);

  it("the table we build is upstream's expected transaction, read in the form nft lists it (canonical.testkit.ts says how)", () => {
    expect(fromListing(ours)).toEqual(fromTransaction(upstream));
  });

  it("the overall golden is accepted by the real nft (nft -c -f)", (ctx) => {
    const nft = spawnSync(
      "nft",
      ["-c", "-f", fileURLToPath(new URL("./testdata/overall.golden", import.meta.url))],
      {
        encoding: "utf8",
      },
    );
    if (nft.error)
      ctx.skip(
        `nft is not installed here (${nft.error.message}); the listing is checked by canonical form only`,
      );
    expect(nft.stderr).toBe("");
    expect(nft.status).toBe(0);
  });
});

describe("nft list table ip kube-proxy", () => {
  it("renders upstream TestOverallNFTablesRules exactly as nft lists it", () => {
    golden("overall", renderTable(buildTable(overallInput(), TEST_NODE), new Map(), 0));
  });

  for (const [name, make] of Object.entries(SCENARIOS))
    it(`renders the ${name} scenario`, () => {
      golden(name, renderTable(buildTable(make(), NODE), new Map(), 0));
    });

  it("prints the masquerade mark as nft does, not as kube-proxy wrote it", () => {
    const text = renderTable(buildTable(overallInput(), TEST_NODE), new Map(), 0);
    expect(text).toContain("\t\tmeta mark set meta mark | 0x00004000\n");
    expect(text).toContain("\t\tmeta mark & 0x00004000 == 0x00000000 return\n");
    expect(text).not.toContain("mark or 0x4000");
  });

  it("lists affinity entries with their remaining lifetime", () => {
    const t = buildTable(SCENARIOS["session-affinity"]?.() ?? overallInput(), NODE);
    const set = [...t.sets.keys()].find((n) => n.startsWith("affinity-")) ?? "";
    const text = renderTable(
      t,
      new Map([
        [
          set,
          new Map([
            ["10.244.2.50", 600_000],
            ["10.244.1.7", 100],
          ]),
        ],
      ]),
      10_000,
    );
    expect(text).toContain("\t\ttimeout 10m\n\t\telements = { 10.244.2.50 expires 9m50s }\n");
  });
});

describe("nft formatting helpers", () => {
  it("names priorities the way prio2str does", () => {
    expect(priorityText(-110, "prerouting")).toBe("dstnat - 10");
    expect(priorityText(-110, "output")).toBe("-110");
    expect(priorityText(-100, "output")).toBe("-100");
    expect(priorityText(0, "forward")).toBe("filter");
    expect(priorityText(100, "postrouting")).toBe("srcnat");
    expect(priorityText(-90, "prerouting")).toBe("dstnat + 10");
  });

  it("formats durations like time_print", () => {
    expect(formatDuration(10800_000)).toBe("3h");
    expect(formatDuration(90_000)).toBe("1m30s");
    expect(formatDuration(86400_000)).toBe("1d");
    expect(formatDuration(10_799_996)).toBe("2h59m59s996ms");
  });
});
