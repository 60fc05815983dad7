/**
 * Files a lesson may refer to by name (`seed/cluster.yaml`): the seed
 * lesson's own manifests and cluster, kept once in testdata/seed (the CLI's
 * transcript of the seed uses the same files).
 */
const SEED = import.meta.glob<string>("../../testdata/seed/*.yaml", { query: "?raw", import: "default" });

const FILES: Record<string, () => Promise<string>> = Object.fromEntries(
  Object.entries(SEED).map(([path, load]) => [`seed/${path.replace(/^.*\//, "")}`, load]),
);

/** Every lesson file's name. */
export const LESSON_FILE_NAMES: readonly string[] = Object.keys(FILES).sort();

/** A lesson file's text by name. */
export async function lessonFile(name: string): Promise<string> {
  const load = FILES[name];
  if (!load) throw new Error(`no lesson file named "${name}"`);
  return load();
}
