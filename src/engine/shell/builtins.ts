import { formatDate } from "../util/date";
import { parseSleepDuration } from "../util/duration";
import { cwdOf, resolvePath } from "./paths";
import type { Command, CommandEnv, CommandResult } from "./types";
import { fail, ok } from "./types";

const lines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));
const joinLines = (ls: string[]) => (ls.length ? `${ls.join("\n")}\n` : "");

const echo: Command = (args) => {
  const noNewline = args[0] === "-n";
  const words = noNewline ? args.slice(1) : args;
  return ok(words.join(" ") + (noNewline ? "" : "\n"));
};

/** `sleep 5`, `sleep 4m11s`-style sums (`sleep 4m 11s`): advances the virtual clock. */
const sleep: Command = (args, env) => {
  if (args.length === 0) return fail("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  let total = 0;
  for (const a of args) {
    const ms = parseSleepDuration(a);
    if (ms === undefined)
      return fail(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
    total += ms;
  }
  env.cluster.clock.advance(total);
  env.cluster.reconcile();
  return ok();
};

const date: Command = (args, env) => {
  const set =
    args[0] === "-s" || args[0] === "--set"
      ? args[1]
      : args[0]?.startsWith("--set=")
        ? args[0].slice(6)
        : undefined;
  if (set !== undefined) {
    if (env.context.type === "pod")
      return fail(
        "date: cannot set date: Operation not permitted\n",
        1,
        `${formatDate(parseDate(set) ?? env.cluster.clock.now())}\n`,
      );
    const ms = parseDate(set);
    if (ms === undefined) return fail(`date: invalid date '${set}'\n`);
    env.cluster.clock.set(ms);
    env.cluster.reconcile();
  }
  return ok(`${formatDate(env.cluster.clock.now())}\n`);
};

function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|\s*UTC)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
}

/** grep with -i -v -c -n -E -F -w and several patterns (`-e`). Basic regexes are translated to JS. */
const grep: Command = (args, env) => {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-e") patterns.push(args[++i] ?? "");
    else if (a.startsWith("-") && a.length > 1 && patterns.length + files.length === 0)
      for (const f of a.slice(1)) flags.add(f);
    else if (patterns.length === 0) patterns.push(a);
    else files.push(a);
  }
  if (patterns.length === 0)
    return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
  const source = patterns
    .map((p) => (flags.has("F") ? escapeRegExp(p) : flags.has("E") ? p : basicToJs(p)))
    .map((p) => (flags.has("w") ? `\\b(?:${p})\\b` : p))
    .join("|");
  let re: RegExp;
  try {
    re = new RegExp(source, flags.has("i") ? "i" : "");
  } catch {
    return fail("grep: Unmatched ( or \\(\n", 2);
  }
  let input = env.stdin;
  if (files.length > 0) {
    const text = readFile(env, files[0]!);
    if (text === undefined) return fail(`grep: ${files[0]}: No such file or directory\n`, 2);
    input = text;
  }
  const hits: string[] = [];
  lines(input).forEach((line, i) => {
    if (re.test(line) !== flags.has("v")) hits.push(flags.has("n") ? `${i + 1}:${line}` : line);
  });
  const result = flags.has("c") ? `${hits.length}\n` : joinLines(hits);
  return { stdout: result, stderr: "", exitCode: hits.length > 0 ? 0 : 1 };
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** POSIX basic regex → JS: `+ ? | ( ) { }` are literal unless escaped. */
function basicToJs(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\" && i + 1 < p.length) {
      const n = p[++i]!;
      out += "+?|(){}".includes(n) ? n : `\\${n}`;
    } else out += "+?|(){}".includes(c) ? `\\${c}` : c;
  }
  return out;
}

function countArg(args: string[], fallback: number): { n: number; rest: string[] } {
  const rest: string[] = [];
  let n = fallback;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-n") n = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else rest.push(a);
  }
  return { n, rest };
}

const head: Command = (args, env) => {
  const { n, rest } = countArg(args, 10);
  const text = rest[0] ? readFile(env, rest[0]) : env.stdin;
  if (text === undefined)
    return fail(`head: cannot open '${rest[0]}' for reading: No such file or directory\n`);
  return ok(joinLines(lines(text).slice(0, n)));
};

const tail: Command = (args, env) => {
  const { n, rest } = countArg(args, 10);
  const text = rest[0] ? readFile(env, rest[0]) : env.stdin;
  if (text === undefined)
    return fail(`tail: cannot open '${rest[0]}' for reading: No such file or directory\n`);
  return ok(joinLines(n === 0 ? [] : lines(text).slice(-n)));
};

const wc: Command = (args, env) => {
  const text = env.stdin;
  const l = (text.match(/\n/g) ?? []).length;
  const w = text.split(/\s+/).filter(Boolean).length;
  if (args.includes("-l")) return ok(`${l}\n`);
  if (args.includes("-w")) return ok(`${w}\n`);
  if (args.includes("-c")) return ok(`${text.length}\n`);
  return ok(`${String(l).padStart(7)} ${String(w).padStart(7)} ${String(text.length).padStart(7)}\n`);
};

function absolute(env: CommandEnv, path: string): string {
  return resolvePath(cwdOf(env.context), path);
}

/** A file as a command in this context sees it (a node's virtual files, or a pod's own files). */
export function readFile(env: CommandEnv, path: string): string | undefined {
  return env.files.get(absolute(env, path));
}

const cat: Command = (args, env) => {
  if (args.length === 0) return ok(env.stdin);
  let out = "";
  let err = "";
  for (const path of args) {
    const text = readFile(env, path);
    if (text === undefined) err += `cat: ${path}: No such file or directory\n`;
    else out += text;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};

const ls: Command = (args, env) => {
  const dir = resolvePath(cwdOf(env.context), args.find((a) => !a.startsWith("-")) ?? ".");
  const prefix = dir === "/" ? "/" : `${dir}/`;
  const entries = new Map<string, string | undefined>();
  for (const [path, text] of env.files) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split("/");
    if (name) entries.set(name, rest.length ? undefined : text);
  }
  const names = [...entries.keys()].sort();
  if (args.some((a) => a.startsWith("-") && a.includes("l"))) {
    return ok(
      names
        .map((n) => {
          const text = entries.get(n);
          return text === undefined
            ? `drwxr-xr-x 2 root root  4096 ${n}\n`
            : `-rw-r--r-- 1 root root ${String(text.length).padStart(5)} ${n}\n`;
        })
        .join(""),
    );
  }
  return ok(names.length ? `${names.join("  ")}\n` : "");
};

const pwd: Command = (_args, env) => ok(`${cwdOf(env.context)}\n`);
const whoami: Command = () => ok("root\n");
const trueCmd: Command = () => ok();
const falseCmd: Command = (): CommandResult => ({ stdout: "", stderr: "", exitCode: 1 });

/** Commands every context has (coreutils and the shell's own). */
export const BUILTINS: Record<string, Command> = {
  echo,
  sleep,
  date,
  grep,
  head,
  tail,
  wc,
  cat,
  ls,
  pwd,
  whoami,
  true: trueCmd,
  false: falseCmd,
};
