/** The example manifests, in the order the seed lesson teaches them. */
export const EXAMPLES = import.meta.glob<string>("./*.yaml", { query: "?raw", import: "default" });

/** `./01-clusterip.yaml` → `01-clusterip`. */
export function exampleName(path: string): string {
  return path.replace(/^\.\//, "").replace(/\.yaml$/, "");
}

/** An example's manifest text by name (`01-clusterip`). */
export async function exampleText(name: string): Promise<string> {
  const load = EXAMPLES[`./${name}.yaml`];
  if (!load) throw new Error(`no example named "${name}"`);
  return load();
}
