import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args";

describe("parseArgs", () => {
  it("keeps files and commands in order", () => {
    const a = parseArgs([
      "-f",
      "a.yaml",
      "-c",
      "kubectl get svc",
      "--filename=b.yaml",
      "--command",
      "dig web",
      "--seed",
      "7",
    ]);
    expect(a.files).toEqual(["a.yaml", "b.yaml"]);
    expect(a.commands).toEqual(["kubectl get svc", "dig web"]);
    expect(a.seed).toBe(7);
  });

  it("reads one dump to import", () => {
    expect(parseArgs(["--import", "dump.yaml", "-c", "kubectl get svc -A"]).importFile).toBe("dump.yaml");
    expect(parseArgs(["--import=dump.json"]).importFile).toBe("dump.json");
    expect(() => parseArgs(["--import", "a.yaml", "--import", "b.yaml"])).toThrow(
      "--import may be given once",
    );
  });

  it("reads a start time", () => {
    expect(parseArgs(["--start-time", "2021-02-07T09:00:00Z"]).startTime).toBe(Date.UTC(2021, 1, 7, 9));
  });

  it("rejects unknown flags and bad values", () => {
    expect(() => parseArgs(["--nope"])).toThrow(UsageError);
    expect(() => parseArgs(["--seed", "x"])).toThrow(UsageError);
    expect(() => parseArgs(["-f"])).toThrow(UsageError);
  });

  it("hands bench its own words", () => {
    expect(parseArgs(["bench", "lookup", "--services", "1,10"]).bench).toEqual([
      "lookup",
      "--services",
      "1,10",
    ]);
  });
});
