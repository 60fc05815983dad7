/**
 * Help texts as the real tools print them: bash's `help` builtin, busybox ash's `help`, and
 * kubectl's `--help` (captured from GNU bash and kubectl 1.32 by scripts/generate-help-texts.mjs).
 * kubectl's command list is cut to the commands Packetwalk has; each command's own help is
 * kubectl's, whole, flags Packetwalk ignores included.
 */
import type { BashHelpTexts, KubectlHelpTexts } from "../assets";
import type { CommandResult } from "../types";

/** The version line bash's `help` starts with, as captured. */
const CAPTURED_VERSION = /^GNU bash, version [^\n]*/;

/**
 * bash's `help [NAME]`: the builtin list (80 columns) headed by this bash's version, or one
 * builtin's text. NOTE: the list and texts are bash 5.2.15's; an image with another bash
 * (netshoot's 5.1) prints its own version line above the same list.
 */
export function bashHelp(bash: BashHelpTexts, version: string, args: readonly string[]): CommandResult {
  const topics = bash.topics;
  if (args.length === 0)
    return {
      stdout: bash.list.replace(CAPTURED_VERSION, `GNU bash, version ${version}`),
      stderr: "",
      exitCode: 0,
    };
  let stdout = "";
  let stderr = "";
  for (const name of args) {
    const text = topics[name];
    if (text !== undefined) stdout += text;
    else
      stderr += `bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`;
  }
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}

/** The builtins of busybox 1.36's ash (its default configuration), in its table's order. */
const ASH_BUILTINS = [
  ".",
  ":",
  "[",
  "[[",
  "alias",
  "bg",
  "break",
  "cd",
  "chdir",
  "command",
  "continue",
  "echo",
  "eval",
  "exec",
  "exit",
  "export",
  "false",
  "fg",
  "getopts",
  "hash",
  "help",
  "history",
  "jobs",
  "kill",
  "let",
  "local",
  "printf",
  "pwd",
  "read",
  "readonly",
  "return",
  "set",
  "shift",
  "source",
  "test",
  "times",
  "trap",
  "true",
  "type",
  "ulimit",
  "umask",
  "unalias",
  "unset",
  "wait",
];

/** busybox ash's `helpcmd`: the names after a tab, a new line once a line passes 60 columns. */
export function ashHelp(): CommandResult {
  let out = "Built-in commands:\n------------------\n";
  let col = 0;
  for (const name of ASH_BUILTINS) {
    out += `${col === 0 ? "\t" : " "}${name}`;
    col += 1 + name.length;
    if (col > 60) {
      out += "\n";
      col = 0;
    }
  }
  return { stdout: `${out}\n`, stderr: "", exitCode: 0 };
}

/** `kubectl --help`: kubectl's root help without the commands Packetwalk does not have. */
export function kubectlRootHelp(kubectl: KubectlHelpTexts, has: (command: string) => boolean): string {
  return kubectl.root
    .split("\n")
    .filter((line) => {
      const m = /^ {2}([a-z-]+) {2,}\S/.exec(line);
      return !m || m[1] === "kubectl" || has(m[1] as string);
    })
    .join("\n");
}

/** `kubectl COMMAND --help`, or undefined for a command Packetwalk does not have. */
export function kubectlCommandHelp(kubectl: KubectlHelpTexts, command: string): string | undefined {
  return kubectl.commands[command];
}

/** cobra's `kubectl help NAME` for a name that is no command: the root usage after a note. */
export function unknownHelpTopic(
  kubectl: KubectlHelpTexts,
  name: string,
  has: (command: string) => boolean,
): string {
  const usage = kubectlRootHelp(kubectl, has).replace(/^[\s\S]*?\n\n(?=Basic Commands)/, "");
  return `Unknown help topic [\`${name}\`]\n\n\n${usage}`;
}
