/**
 * `kubectl`: the subcommands Packetwalk simulates, printing exactly what
 * kubectl prints. Reads come from the store; changes go through the API server.
 */
import { requireAssets } from "../assets";
import { kubectlCommandHelp, kubectlRootHelp, unknownHelpTopic } from "../help/help";
import type { Command, CommandEnv, CommandResult } from "../types";
import { apply } from "./apply";
import { create } from "./create";
import { del } from "./delete";
import { errorText } from "./errors";
import { exec } from "./exec";
import { expose } from "./expose";
import { get } from "./get/get";
import { clusterInfo, version } from "./info";
import { label } from "./label";
import type { LazyCommandName } from "./lazyCommands";
import { run } from "./run";
import { scale } from "./scale";

export { deletedMessage } from "./delete";
export { ATTACH_HINT } from "./run";

/** A subcommand whose code comes with the shell's assets (`Simulation.loadAssets`). */
function lazy(name: LazyCommandName): Command {
  return (args, env) => requireAssets(env.assets()).commands[name](args, env);
}

const SUBCOMMANDS: Record<string, Command> = {
  get,
  describe: lazy("describe"),
  apply,
  create,
  delete: del,
  expose,
  scale,
  label,
  run,
  exec,
  explain: lazy("explain"),
  logs: lazy("logs"),
  patch: lazy("patch"),
  version,
  "cluster-info": clusterInfo,
};

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

const has = (command: string) => command in SUBCOMMANDS;

/** True when `-h`/`--help` comes before any `--` (after it, the flags are a command's own). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some(
    (a) => a === "--help" || a === "-h" || a === "--help=true",
  );
}

/** `kubectl help [COMMAND]`, as cobra's help command answers it. */
function helpCommand(rest: readonly string[], env: CommandEnv): CommandResult {
  const texts = requireAssets(env.assets()).kubectlHelp;
  const topic = rest.find((a) => !a.startsWith("-"));
  if (topic === undefined) return { stdout: kubectlRootHelp(texts, has), stderr: "", exitCode: 0 };
  const text = has(topic) ? kubectlCommandHelp(texts, topic) : undefined;
  // cobra writes an unknown topic's note and the usage to stderr, and exits 0.
  if (text === undefined) return { stdout: "", stderr: unknownHelpTopic(texts, topic, has), exitCode: 0 };
  return { stdout: text, stderr: "", exitCode: 0 };
}

/** `kubectl ...`. */
export const kubectl: Command = (args: string[], env: CommandEnv): CommandResult => {
  const { sub, rest } = splitSubcommand(args);
  if (sub === "help") return helpCommand(rest, env);
  if (sub !== undefined && asksForHelp(rest) && has(sub))
    return {
      stdout: kubectlCommandHelp(requireAssets(env.assets()).kubectlHelp, sub) ?? "",
      stderr: "",
      exitCode: 0,
    };
  if (sub === undefined) {
    if (rest.includes("--help") || rest.includes("-h") || rest.length === 0)
      return {
        stdout: kubectlRootHelp(requireAssets(env.assets()).kubectlHelp, has),
        stderr: "",
        exitCode: 0,
      };
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
    return { stdout: "", stderr: `${errorText(e)}\n`, exitCode: 1 };
  }
};
