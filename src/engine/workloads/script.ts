/**
 * A container whose command is a short shell script (`sh -c "date; echo Hello; sleep 3600"`,
 * the CronJob example the seed's busybox pod comes from): what it prints when it starts.
 */
import { formatDate } from "../util/date";
import type { LogLine } from "./logs";

/** The script of `sh -c SCRIPT` (or `/bin/sh -c`, `bash -c`) in a container's command and args. */
export function shellScript(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => /(^|\/)(ba|a)?sh$/.test(a));
  return i >= 0 && argv[i + 1] === "-c" ? argv[i + 2] : undefined;
}

/** `echo` arguments as the shell hands them over: quotes removed, words joined by one space. */
function echoWords(rest: string): string {
  const words: string[] = [];
  for (const m of rest.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3] ?? "");
  return words.join(" ");
}

/**
 * What the script prints at start: its `echo` and `date` statements, up to the first
 * statement of any other kind.
 * NOTE: a real shell runs the whole script (loops, and lines after a `sleep` when it ends);
 * Packetwalk prints the straight-line start of it and nothing after.
 */
export function scriptStartupLog(script: string, startedMs: number): LogLine[] {
  const lines: LogLine[] = [];
  for (const raw of script.split(/;|&&|\n/)) {
    const statement = raw.trim();
    if (statement === "") continue;
    const [word = "", ...rest] = statement.split(/\s+/);
    if (word === "echo") lines.push({ stream: "stdout", text: echoWords(statement.slice(4)) });
    else if (word === "date" && rest.length === 0)
      lines.push({ stream: "stdout", text: formatDate(startedMs) });
    else break;
  }
  return lines;
}
