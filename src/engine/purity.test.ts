import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The engine is deterministic and runs anywhere: no ambient time or
 * randomness (the simulation's PRNG and virtual clock instead), no timers,
 * no DOM or Node globals. The compiler checks the globals (no DOM lib); this
 * checks the rest.
 */
const ENGINE = __dirname;
const FORBIDDEN = [
  /\bMath\.random\(/,
  /\bDate\.now\(/,
  /\bperformance\.now\(/,
  /\bsetTimeout\(/,
  /\bsetInterval\(/,
  /\bnew Date\(\)/,
  /from "node:/,
  /\bprocess\./,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".testkit.ts") ? [path] : [];
  });
}

describe("the engine stays pure", () => {
  it("uses no ambient time, randomness, timers or Node APIs", () => {
    const offences = sources(ENGINE).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          FORBIDDEN.some((re) => re.test(line)) &&
          !line.trim().startsWith("*") &&
          !line.trim().startsWith("//")
            ? [`${relative(ENGINE, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offences).toEqual([]);
  });

  it("imports no test support (`*.testkit.ts`) from the engine's own sources", () => {
    const offences = sources(ENGINE).filter((file) =>
      /from "[^"]*\.testkit"/.test(readFileSync(file, "utf8")),
    );
    expect(offences.map((file) => relative(ENGINE, file))).toEqual([]);
  });
});
