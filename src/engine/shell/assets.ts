/**
 * The large texts some commands print — the Kubernetes schema `kubectl explain` reads, kubectl's
 * and bash's help — kept out of the engine's start-up code: the host loads them (a separate
 * chunk in the browser build) before running a line that may need them.
 */
import type { EditorSchema } from "./kubectl/explain/openapi";

/** bash's `help` texts, as scripts/generate-help-texts.mjs captures them. */
export interface BashHelpTexts {
  list: string;
  topics: Record<string, string>;
}

/** kubectl's `--help` texts, as scripts/generate-help-texts.mjs captures them. */
export interface KubectlHelpTexts {
  root: string;
  commands: Record<string, string>;
}

export interface ShellAssets {
  schema: EditorSchema;
  bashHelp: BashHelpTexts;
  kubectlHelp: KubectlHelpTexts;
}

/** Loads the assets (three JSON modules; chunks of their own in the browser build). */
export async function loadShellAssets(): Promise<ShellAssets> {
  const [schema, bash, kubectl] = await Promise.all([
    import("../api/openapi/kubernetes.json"),
    import("./help/bash.json"),
    import("./help/kubectl.json"),
  ]);
  return {
    schema: schema.default as unknown as EditorSchema,
    bashHelp: bash.default,
    kubectlHelp: kubectl.default,
  };
}

/**
 * Whether a command line may print from the assets: `kubectl explain`, `help`, `--help`/`-h`,
 * or a bare `kubectl` (which prints its help).
 */
export function needsShellAssets(line: string): boolean {
  return /\b(explain|help)\b|(^|\s)(-h|--help)(\s|=|$)|\bkubectl\s*($|[|;&)])/.test(line);
}

/** The loaded assets, or an engine error naming what the host forgot. */
export function requireAssets(assets: ShellAssets | undefined): ShellAssets {
  if (!assets) throw new Error("the help texts and schema are not loaded (call Simulation.loadAssets first)");
  return assets;
}
