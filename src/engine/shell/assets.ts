/**
 * What some commands need and most sessions never do, kept out of the engine's start-up code: the
 * Kubernetes schema `kubectl explain` reads, kubectl's and bash's help texts, and the code of
 * `kubectl describe`, `explain`, `logs` and `patch` and of `kubectl get`'s JSONPath and
 * custom-columns printers. The host loads them (separate chunks in the
 * browser build) before running a line that may need them.
 */
import type { EditorSchema } from "./kubectl/explain/openapi";
import type { EXPLAIN_FIELDS, LAZY_COMMANDS, LAZY_PRINTERS } from "./kubectl/lazyCommands";

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
  commands: typeof LAZY_COMMANDS;
  printers: typeof LAZY_PRINTERS;
  explainFields: typeof EXPLAIN_FIELDS;
}

/** Loads the assets (three JSON modules and the commands' code; chunks of their own in the browser build). */
export async function loadShellAssets(): Promise<ShellAssets> {
  const [schema, bash, kubectl, lazy] = await Promise.all([
    import("../api/openapi/kubernetes.json"),
    import("./help/bash.json"),
    import("./help/kubectl.json"),
    import("./kubectl/lazyCommands"),
  ]);
  return {
    schema: schema.default as unknown as EditorSchema,
    bashHelp: bash.default,
    kubectlHelp: kubectl.default,
    commands: lazy.LAZY_COMMANDS,
    printers: lazy.LAZY_PRINTERS,
    explainFields: lazy.EXPLAIN_FIELDS,
  };
}

/**
 * Whether a command line may need the assets: `kubectl describe`, `explain`, `logs` or `patch`,
 * `help`, `--help`/`-h`, a bare `kubectl` (which prints its help), or a JSONPath or
 * custom-columns output. A false positive only loads them early.
 */
export function needsShellAssets(line: string): boolean {
  return /\b(describe|explain|logs|patch|help|jsonpath|custom-columns)\b|(^|\s)(-h|--help)(\s|=|$)|\bkubectl\s*($|[|;&)])/.test(
    line,
  );
}

/** The loaded assets, or an engine error naming what the host forgot. */
export function requireAssets(assets: ShellAssets | undefined): ShellAssets {
  if (!assets) throw new Error("the shell's assets are not loaded (call Simulation.loadAssets first)");
  return assets;
}
