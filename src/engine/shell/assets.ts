/**
 * What the terminal needs and the rest of the engine does not — kubectl's code, the Kubernetes
 * schema `kubectl explain` reads, kubectl's and bash's help — kept out of the engine's start-up
 * code: the host loads them (chunks of their own in the browser build) before the first line it
 * runs.
 */

import type { Cluster } from "../cluster";
import type { CompletionScope } from "./complete";
import type { EditorSchema } from "./kubectl/explain/openapi";
import type { Command } from "./types";

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
  /** The `kubectl` command. */
  kubectl: Command;
  /** Candidates for the last word of a line (completion knows kubectl's resource words). */
  complete: (line: string, scope: CompletionScope) => string[];
  /** What kubectl prints for a deleted Pod (`kubectl run --rm` on exit). */
  podDeleted: (cluster: Cluster, namespace: string, name: string) => string;
  schema: EditorSchema;
  bashHelp: BashHelpTexts;
  kubectlHelp: KubectlHelpTexts;
}

/** Loads the assets (kubectl's modules and three JSON modules; chunks of their own in the browser build). */
export async function loadShellAssets(): Promise<ShellAssets> {
  const [code, schema, bash, kubectl] = await Promise.all([
    import("./terminalCode"),
    import("../api/openapi/kubernetes.json"),
    import("./help/bash.json"),
    import("./help/kubectl.json"),
  ]);
  return {
    kubectl: code.kubectl,
    complete: code.complete,
    podDeleted: code.podDeleted,
    schema: schema.default as unknown as EditorSchema,
    bashHelp: bash.default,
    kubectlHelp: kubectl.default,
  };
}

/** The loaded assets, or an engine error naming what the host forgot. */
export function requireAssets(assets: ShellAssets | undefined): ShellAssets {
  if (!assets)
    throw new Error(
      "kubectl, the help texts and the schema are not loaded (call Simulation.loadAssets first)",
    );
  return assets;
}
