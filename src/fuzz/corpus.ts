/**
 * The fuzz suite's seeds: every manifest the project ships — the examples, the lessons' step
 * manifests, the seed and transcript test data, and `testdata/fuzz` for the kinds those do not write.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** One seed file: its name (relative to the repository) and text. */
export interface SeedFile {
  name: string;
  text: string;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** The lessons' `steps[].manifests` texts, one seed per step that has any. */
function lessonManifests(): SeedFile[] {
  const out: SeedFile[] = [];
  for (const file of yamlFiles("src/lessons")) {
    const lesson = parse(readFileSync(join(ROOT, file), "utf8")) as {
      steps?: { id?: string; manifests?: string }[];
    };
    for (const step of lesson.steps ?? []) {
      if (step.manifests) out.push({ name: `${file}#${step.id ?? "?"}`, text: step.manifests });
    }
  }
  return out;
}

/** Every seed, in a fixed order (the order decides which seed a generated case picks). */
export function loadCorpus(): SeedFile[] {
  const files = [
    ...yamlFiles("src/examples"),
    ...yamlFiles("testdata/seed"),
    ...yamlFiles("testdata/transcripts"),
    ...yamlFiles("testdata/fuzz"),
  ];
  return [
    ...files.map((name) => ({ name, text: readFileSync(join(ROOT, name), "utf8") })),
    ...lessonManifests(),
  ];
}
