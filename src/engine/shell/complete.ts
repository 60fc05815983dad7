import type { Kind } from "../api/types";
import type { Cluster } from "../cluster";
import { resourceWords } from "./kubectl/resources";

const KUBECTL_VERBS = [
  "apply",
  "create",
  "delete",
  "describe",
  "exec",
  "explain",
  "expose",
  "get",
  "help",
  "label",
  "logs",
  "patch",
  "run",
  "scale",
  "version",
  "cluster-info",
];

export interface CompletionScope {
  cluster: Cluster;
  /** Commands on this context's PATH. */
  commands: readonly string[];
  /** Files in the working directory. */
  files: readonly string[];
  /** The namespace names resolve in (`-n` on the line wins). */
  namespace: string;
  /** `kubectl explain TYPE.FIELD…`'s next fields (none until the host loads the shell's assets). */
  explainFields?: (path: string) => string[];
}

/** Candidates for the last word of `line`, bash-style: what could replace it. */
export function complete(line: string, scope: CompletionScope): string[] {
  const words = line.split(/\s+/);
  const word = words[words.length - 1] ?? "";
  const before = words.slice(0, -1).filter(Boolean);
  const pick = (options: readonly string[]) => [...new Set(options)].filter((o) => o.startsWith(word)).sort();

  if (before.length === 0) return pick(scope.commands);
  if (before[0] !== "kubectl") return pick(scope.files);
  const args = before.slice(1);
  const prev = args[args.length - 1];
  if (prev === "-f" || prev === "--filename" || prev === "--patch-file") return pick(scope.files);
  if (prev === "-n" || prev === "--namespace")
    return pick(scope.cluster.store.list("Namespace").map((n) => n.metadata.name));
  const positional = args.filter(
    (a, i) => !a.startsWith("-") && !["-n", "--namespace", "-o", "-l"].includes(args[i - 1] ?? ""),
  );
  if (positional.length === 0) return pick(KUBECTL_VERBS);
  const verb = positional[0]!;
  const nsFlag = args.findIndex((a) => a === "-n" || a === "--namespace");
  const namespace = nsFlag >= 0 ? (args[nsFlag + 1] ?? scope.namespace) : scope.namespace;
  if (verb === "exec" || verb === "logs") {
    if (prev === "-c" || prev === "--container") {
      const podName = positional[1];
      const pod = podName ? scope.cluster.store.get("Pod", namespace, podName) : undefined;
      return pick((pod?.spec?.containers ?? []).map((c) => c.name));
    }
    return positional.length === 1 ? pick(names(scope.cluster, "Pod", namespace)) : [];
  }
  if (verb === "help") return positional.length === 1 ? pick(KUBECTL_VERBS.filter((v) => v !== "help")) : [];
  const resources = new Map(resourceWords());
  if (verb === "explain") {
    if (positional.length > 1) return [];
    if (!word.includes(".")) return pick([...resources.keys()]);
    return scope.explainFields ? pick(scope.explainFields(word)) : [];
  }
  if (!["get", "describe", "delete", "label", "scale", "expose", "patch"].includes(verb)) return [];
  if (positional.length === 1) return pick([...resources.keys()]);
  const kind = resources.get(positional[1]!.toLowerCase());
  return kind ? pick(names(scope.cluster, kind, namespace)) : [];
}

function names(cluster: Cluster, kind: Kind, namespace: string): string[] {
  return cluster.store.list(kind, namespace).map((o) => o.metadata.name);
}
