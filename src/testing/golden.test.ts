import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { expectGolden, UPDATE_GOLDENS } from "./golden.testkit";

describe("expectGolden", () => {
  const dir = mkdtempSync(join(tmpdir(), "golden-"));
  const url = (name: string) => pathToFileURL(join(dir, name));
  const saved = process.env[UPDATE_GOLDENS];
  afterEach(() => {
    if (saved === undefined) delete process.env[UPDATE_GOLDENS];
    else process.env[UPDATE_GOLDENS] = saved;
  });

  it("fails on a missing golden file and does not write it", () => {
    delete process.env[UPDATE_GOLDENS];
    expect(() => expectGolden("text\n", url("missing.golden"))).toThrow(/missing.golden is missing/);
    expect(() => readFileSync(url("missing.golden"))).toThrow();
  });

  it("passes on equal text and fails on different text", () => {
    delete process.env[UPDATE_GOLDENS];
    writeFileSync(url("x.golden"), "a\n");
    expectGolden("a\n", url("x.golden"));
    expect(() => expectGolden("b\n", url("x.golden"))).toThrow();
  });

  it("writes the file when UPDATE_GOLDENS=1", () => {
    process.env[UPDATE_GOLDENS] = "1";
    expectGolden("new\n", url("written.golden"));
    expect(readFileSync(url("written.golden"), "utf8")).toBe("new\n");
  });
});
