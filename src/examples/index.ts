/** The example manifests, in the order the seed lesson teaches them. */
export const EXAMPLES = import.meta.glob<string>("./*.yaml", { query: "?raw", import: "default" });

/** `./01-clusterip.yaml` → `01-clusterip`. */
export function exampleName(path: string): string {
  return path.replace(/^\.\//, "").replace(/\.yaml$/, "");
}
