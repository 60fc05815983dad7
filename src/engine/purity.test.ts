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

const TOP_CONST = /^(?:export )?const (\w+)\b/;
const MUTATORS = "set|add|push|delete|clear|splice|pop|shift|unshift|fill|sort|reverse|copyWithin";

/**
 * Module-level mutable state in one source: `let`/`var` at the top level, a
 * module-level WeakMap/WeakSet (a cache keyed by someone else's objects), and
 * a module-level container that the file mutates (`NAME.set(…)`,
 * `NAME[k] = …`, `NAME.push(…)`, …). Every Simulation in a process would share
 * it; state belongs to the instance that owns the data.
 */
function moduleState(text: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  const names: string[] = [];
  lines.forEach((line, i) => {
    if (/^(?:export )?(?:let|var) /.test(line)) out.push(`${i + 1}: ${line.trim()}`);
    else if (/^(?:export )?const \w+[^=]*= new Weak(?:Map|Set)\b/.test(line))
      out.push(`${i + 1}: ${line.trim()}`);
    const m = TOP_CONST.exec(line);
    if (m) names.push(m[1]!);
  });
  for (const name of names) {
    const mutated = new RegExp(
      `(?:^|[^.\\w])${name}(?:\\.(?:${MUTATORS})\\(|\\[[^\\]]*\\]\\s*(?:=[^=]|\\?\\?=|\\+=|-=|\\+\\+|--)|\\.\\w+\\s*(?:=[^=]|\\?\\?=|\\+=|-=|\\+\\+|--))`,
    );
    lines.forEach((line, i) => {
      if (mutated.test(line) && !line.trim().startsWith("*") && !line.trim().startsWith("//"))
        out.push(`${i + 1}: ${name} mutated: ${line.trim()}`);
    });
  }
  return out;
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

  it("keeps no mutable state at module level (every Simulation in a process would share it)", () => {
    const offences = sources(ENGINE).flatMap((file) =>
      moduleState(readFileSync(file, "utf8")).map((o) => `${relative(ENGINE, file)}:${o}`),
    );
    expect(offences).toEqual([]);
  });

  it("recognises module-level state", () => {
    expect(moduleState("let n = 0;\nconst a = 1;")).toEqual(["1: let n = 0;"]);
    expect(moduleState("const seen = new WeakMap<object, string>();")).toHaveLength(1);
    expect(moduleState("const cache = new Map();\nfunction f() {\n  cache.set(1, 2);\n}")).toEqual([
      "3: cache mutated: cache.set(1, 2);",
    ]);
    expect(
      moduleState("const memo: string[] = [];\nfunction f(n) {\n  memo[n] = String(n);\n}"),
    ).toHaveLength(1);
    expect(
      moduleState("const byKind = new Map([[1, 2]]);\nfunction f() {\n  return byKind.get(1);\n}"),
    ).toEqual([]);
    expect(moduleState("function f() {\n  let x = 0;\n  const m = new Map();\n  m.set(1, x);\n}")).toEqual(
      [],
    );
  });

  it("imports no test support (`*.testkit.ts`) from the engine's own sources", () => {
    const offences = sources(ENGINE).filter((file) =>
      /from "[^"]*\.testkit"/.test(readFileSync(file, "utf8")),
    );
    expect(offences.map((file) => relative(ENGINE, file))).toEqual([]);
  });
});
