/**
 * Replays one case of a fuzz run, printing its manifests and failures:
 * `npx tsx src/fuzz/replay.ts --case 9155 --seed 777` (the index and seed `npm run fuzz` printed),
 * or `--json '<case>'` (a counterexample fast-check printed).
 */
import fc from "fast-check";
import { loadShellAssets } from "../engine/shell/assets";
import { runCase } from "./check";
import { CHUNK } from "./chunk";
import { loadCorpus } from "./corpus";
import { buildCase, type FuzzCase, fuzzCase } from "./mutate";

const assets = await loadShellAssets();

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const index = opt("case", 0);
const seed = opt("seed", 20_251_111);
const corpus = loadCorpus();
const json = args.indexOf("--json");
const c: FuzzCase =
  json >= 0
    ? (JSON.parse(args[json + 1]!) as FuzzCase)
    : fc.sample(fuzzCase(corpus.length), { seed: seed + Math.floor(index / CHUNK), numRuns: CHUNK })[
        index % CHUNK
      ]!;
process.stdout.write(`${JSON.stringify(c)}\n`);
buildCase(corpus, c).forEach((text, i) => {
  process.stdout.write(`--- document ${i}\n${text}`);
});
process.stdout.write(`--- failures\n${JSON.stringify(runCase(corpus, c, assets), null, 2)}\n`);
