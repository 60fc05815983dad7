import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The seed lesson's transcript (whitespace collapsed in the source) against
 * our replayed seed session: every line a tool printed there must appear in
 * ours, except the three values dig draws at random (id, cookie, query time).
 */
// A copy of the lesson the project grew from (shared/seed/000_5d8d502d70ef4c4b.txt).
const SEED = resolve(__dirname, "../../testdata/seed/lesson.txt");
const OURS = resolve(__dirname, "../../testdata/transcripts/seed-lesson.txt");
const RANDOM = [
  /^;; ->>HEADER<<- .* id: \d+$/,
  /^; COOKIE: [0-9a-f]+ \(echoed\)$/,
  /^;; Query time: \d+ msec$/,
];

const collapse = (line: string) => line.replace(/\s+/g, " ").trim();

/** Lines of the seed that a tool printed: the output following each prompt, up to the next YAML or prose. */
function toolLines(seed: string): string[] {
  const lines = seed.split("\n");
  const out: string[] = [];
  let inOutput = false;
  for (const line of lines) {
    if (/^(root@instance-1:\S*# |bash-5\.1# )/.test(line)) {
      inOutput = true;
      out.push(
        line.replace(
          /^root@instance-1:~\/kubernetes-sample\/(service|pod)# /,
          "root@instance-1:~/kubernetes-sample/$1# ",
        ),
      );
      continue;
    }
    if (/^(apiVersion:|그림|⇒|Check$|Test$)/.test(line)) inOutput = false;
    if (inOutput) out.push(line);
  }
  return out;
}

describe("the seed lesson", () => {
  const seedLines = toolLines(readFileSync(SEED, "utf8")).map(collapse);
  const ours = new Set(readFileSync(OURS, "utf8").split("\n").map(collapse));

  it("has tool output to compare", () => {
    expect(seedLines.length).toBeGreaterThan(90);
  });

  it("prints every line the seed pins", () => {
    const missing = seedLines.filter((l) => !ours.has(l) && !RANDOM.some((re) => re.test(l)));
    expect(missing).toEqual([]);
  });
});
