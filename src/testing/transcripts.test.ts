import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { mask, parseTranscript, replay } from "./transcript.testkit";

const DIR = resolve(__dirname, "../../testdata/transcripts");

describe("transcripts", () => {
  for (const name of readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    it(name, async () => {
      const path = join(DIR, name);
      const t = parseTranscript(readFileSync(path, "utf8"));
      const sim = new Simulation({ seed: t.seed, ...(t.start !== undefined ? { startTime: t.start } : {}) });
      await sim.loadAssets();
      for (const file of t.apply) {
        const report = sim.apply([
          { name: file.replace(/^.*\//, ""), text: readFileSync(join(dirname(path), file), "utf8") },
        ]);
        expect(report.errors, `${file} applies cleanly`).toEqual([]);
      }
      for (const file of t.files)
        sim.writeFile(file.dest, readFileSync(join(dirname(path), file.src), "utf8"));
      const actual = replay(t.body, sim);
      expect(mask(actual, t.masks)).toBe(mask(t.body.replace(/\n+$/, ""), t.masks));
    });
  }
});
