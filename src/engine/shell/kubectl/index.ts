/**
 * `kubectl`: the subcommands Packetwalk simulates, printing exactly what
 * kubectl prints. Reads come from the store; changes go through the API server.
 */
import type { Command, CommandEnv, CommandResult } from "../types";
import { apply } from "./apply";
import { create } from "./create";
import { del } from "./delete";
import { describe } from "./describe/describe";
import { exec } from "./exec";
import { expose } from "./expose";
import { get } from "./get/get";
import { clusterInfo, version } from "./info";
import { label } from "./label";
import { run } from "./run";
import { scale } from "./scale";

export { deletedMessage } from "./delete";
export { ATTACH_HINT } from "./run";

const SUBCOMMANDS: Record<string, Command> = {
  get,
  describe,
  apply,
  create,
  delete: del,
  expose,
  scale,
  label,
  run,
  exec,
  version,
  "cluster-info": clusterInfo,
};

const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cluster-info    Display cluster information

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  exec            Execute a command in a container

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin

Settings Commands:
  label           Update the labels on a resource

Other Commands:
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]
`;

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** cobra's "unknown command", with its "Did you mean this?" suggestions (distance ≤ 2 or prefix). */
function unknownCommand(name: string): CommandResult {
  const suggestions = Object.keys(SUBCOMMANDS).filter(
    (c) => levenshtein(c, name.toLowerCase()) <= 2 || c.startsWith(name.toLowerCase()),
  );
  let text = `error: unknown command "${name}" for "kubectl"\n`;
  if (suggestions.length > 0)
    text += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}\n`;
  text += "Run 'kubectl --help' for usage.\n";
  return { stdout: "", stderr: text, exitCode: 1 };
}

/** The first argument that is not a global flag (`kubectl -n kube-system get pods`). */
function splitSubcommand(args: readonly string[]): { sub?: string; rest: string[] } {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-n" || a === "--namespace") {
      rest.push(a, ...(args[i + 1] !== undefined ? [args[i + 1] as string] : []));
      i++;
    } else if (a.startsWith("-")) rest.push(a);
    else return { sub: a, rest: [...rest, ...args.slice(i + 1)] };
  }
  return { rest };
}

/** `kubectl ...`. */
export const kubectl: Command = (args: string[], env: CommandEnv): CommandResult => {
  const { sub, rest } = splitSubcommand(args);
  if (sub === undefined) {
    if (rest.includes("--help") || rest.includes("-h") || rest.length === 0)
      return { stdout: USAGE, stderr: "", exitCode: 0 };
    return {
      stdout: "",
      stderr: `error: unknown flag: ${rest[0]}\nSee 'kubectl --help' for usage.\n`,
      exitCode: 1,
    };
  }
  const handler = SUBCOMMANDS[sub];
  if (!handler) return unknownCommand(sub);
  try {
    return handler(rest, env);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { stdout: "", stderr: `error: ${message}\n`, exitCode: 1 };
  }
};
