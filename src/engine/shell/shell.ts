import type { Api } from "../api/contract";
import type { Pod } from "../api/types";
import type { Cluster } from "../cluster";
import type { Dns } from "../dns/contract";
import type { Net } from "../net/contract";
import { requireAssets, type ShellAssets } from "./assets";
import { BUILTINS } from "./builtins";
import { ashHelp, bashHelp } from "./help/help";
import { DEBIAN_BASH, imageProfile, NODE_TOOLS } from "./images";
import { deletedMessage } from "./kubectl/delete";
import { resourceForKind } from "./kubectl/resources";
import { cwdOf, displayPath, isDirectory, resolvePath } from "./paths";
import { ParseError, parseCommandLine } from "./tokenize";
import type { Command, CommandEnv, CommandResult, ShellContext, ShellEffect } from "./types";

export interface ShellDeps {
  cluster: Cluster;
  api: Api;
  dns: Dns;
  net: Net;
  /** Every command the engine knows, by name; what a context may run is decided by its image. */
  commands: Record<string, Command>;
  /** The node shells' files (`/root/web.yaml`). */
  files: Map<string, string>;
  /** A pod's own files (`/etc/resolv.conf`, `/etc/hosts`, `/etc/hostname`). */
  podFiles: (pod: Pod) => Map<string, string>;
  /** The help texts and schema, once loaded. */
  assets: () => ShellAssets | undefined;
}

/** The most one command line prints (Packetwalk's limit): past it the output is cut with a note. */
export const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

/** Cuts output past the limit, saying so on stderr as a tool would. */
function capOutput(out: ShellOutput): void {
  if (out.stdout.length <= MAX_OUTPUT_CHARS && out.output.length <= MAX_OUTPUT_CHARS) return;
  const note = `packetwalk: output cut at ${MAX_OUTPUT_CHARS} characters (Packetwalk's limit; see docs/emulation.md)\n`;
  out.stdout = out.stdout.slice(0, MAX_OUTPUT_CHARS);
  out.output = `${out.output.slice(0, MAX_OUTPUT_CHARS)}\n${note}`;
  out.stderr += note;
}

/** One line's outcome, as a terminal shows it. */
export interface ShellOutput {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as a terminal shows them (kubectl's warnings first). */
  output: string;
  exitCode: number;
  /** The prompt after the line ran (it changes on `kubectl run -it` and `exit`). */
  prompt: string;
  /** What the commands asked of the shell and show the UI (traces, say), in order. */
  effects: ShellEffect[];
  /** Set when a command hit a bug inside the engine (what it threw); the Simulation undoes the line. */
  internalError?: string;
  /** Whether the line changed the cluster's objects (set by the Simulation, for the session's journal). */
  changed?: boolean;
}

interface Frame {
  context: ShellContext;
  /** Set when `kubectl run -it` opened this shell: what to say and do on exit. */
  attachedRun?: { namespace: string; name: string; remove: boolean };
}

/**
 * The terminal's interpreter: parses a line, runs its pipelines against the
 * cluster, and keeps a stack of shells (node → pod via `kubectl run -it`).
 */
export class Shell {
  private readonly frames: Frame[];
  private lastExit = 0;
  /** Directories made with `mkdir` (files make their parents exist on their own). */
  private readonly dirs = new Set<string>();

  constructor(
    private readonly deps: ShellDeps,
    home: ShellContext,
  ) {
    this.frames = [{ context: home }];
  }

  get context(): ShellContext {
    return this.frames[this.frames.length - 1]!.context;
  }

  /** The output of a line that failed outside any command (an engine bug in the shell itself). */
  failed(e: unknown): ShellOutput {
    const message = e instanceof Error ? e.message : String(e);
    const stderr = `bash: internal error: ${message} (a bug in Packetwalk's engine: nothing was changed)\n`;
    return {
      stdout: "",
      stderr,
      output: stderr,
      exitCode: 1,
      prompt: "",
      effects: [],
      internalError: message,
    };
  }

  /** The prompt as the real shell prints it, without the trailing space. */
  prompt(): string {
    const ctx = this.context;
    if (ctx.type === "node") return `root@${ctx.node}:${displayPath(ctx.cwd)}#`;
    const pod = this.pod(ctx);
    if (!pod) return "#";
    const profile = imageProfile(containerOf(pod, ctx.container)?.image ?? "");
    return (profile.shells[ctx.shell] ?? Object.values(profile.shells)[0]!)(pod);
  }

  /** Runs one command line. Never throws: errors come back as a shell would print them. */
  run(line: string): ShellOutput {
    const out: ShellOutput = { stdout: "", stderr: "", output: "", exitCode: 0, prompt: "", effects: [] };
    let pipelines: ReturnType<typeof parseCommandLine>;
    try {
      pipelines = parseCommandLine(line);
    } catch (e) {
      out.stderr = `${this.shellName()}: ${e instanceof ParseError ? e.message : String(e)}\n`;
      out.output = out.stderr;
      out.exitCode = 2;
      out.prompt = this.prompt();
      return out;
    }
    let skip = false;
    for (const pipeline of pipelines) {
      if (!skip) {
        const r = this.runPipeline(pipeline.commands, out);
        this.lastExit = r;
        out.exitCode = r;
      }
      skip =
        (pipeline.next === "&&" && this.lastExit !== 0) || (pipeline.next === "||" && this.lastExit === 0);
    }
    capOutput(out);
    out.prompt = this.prompt();
    return out;
  }

  private runPipeline(
    commands: { argv: string[]; redirects: { fd: 1 | 2; target: string; append: boolean }[] }[],
    out: ShellOutput,
  ): number {
    let stdin = "";
    let exit = 0;
    commands.forEach((cmd, i) => {
      const last = i === commands.length - 1;
      const r = this.runSimple(cmd.argv, stdin, out);
      if (r.effects) out.effects.push(...r.effects);
      let stdout = r.stdout;
      let stderr = r.stderr;
      for (const redirect of cmd.redirects) {
        const text = redirect.fd === 1 ? stdout : stderr;
        if (redirect.target !== "/dev/null" && this.context.type === "node") {
          const path = resolvePath(cwdOf(this.context), redirect.target);
          this.deps.files.set(path, (redirect.append ? (this.deps.files.get(path) ?? "") : "") + text);
        }
        if (redirect.fd === 1) stdout = "";
        else stderr = "";
      }
      // kubectl prints server warnings as they arrive, before the table.
      const warning = /^(Warning: [^\n]*\n)+/.exec(stderr)?.[0] ?? "";
      out.stderr += stderr;
      if (last && r.display !== undefined && cmd.redirects.length === 0) out.output += r.display;
      else {
        out.output += warning;
        if (last) out.output += stdout;
        out.output += stderr.slice(warning.length);
      }
      if (last) out.stdout += stdout;
      stdin = stdout;
      exit = r.exitCode;
    });
    return exit;
  }

  private runSimple(argv: string[], stdin: string, out: ShellOutput): CommandResult {
    const [name, ...args] = argv;
    if (!name) return { stdout: "", stderr: "", exitCode: 0 };
    if (name === "exit" || name === "logout") return this.exit(out);
    if (name === "clear") return { stdout: "", stderr: "", exitCode: 0, effects: [{ type: "clear" }] };
    if (name === "cd") return this.cd(args);
    if (name === "mkdir") return this.mkdir(args);
    const ctx = this.context;
    if (name === "help") {
      const help = this.help(args);
      if (help) return help;
    }
    const available = this.available(ctx);
    const command = available.has(name) ? (this.deps.commands[name] ?? BUILTINS[name]) : undefined;
    if (!command) return { stdout: "", stderr: `${this.notFound(name)}\n`, exitCode: 127 };
    const env: CommandEnv = { ...this.deps, context: ctx, stdin, files: this.filesFor(ctx) };
    let result: CommandResult;
    try {
      result = command(args, env);
    } catch (e) {
      // A command must never take the terminal down; report like a crashed program would.
      const message = e instanceof Error ? e.message : String(e);
      out.internalError ??= message;
      result = {
        stdout: "",
        stderr: `${name}: internal error: ${message} (a bug in Packetwalk's engine: nothing was changed)\n`,
        exitCode: 1,
      };
    }
    return this.follow(result, out);
  }

  /** Acts on what a command asked of the shell: entering a pod, running a command in one. */
  private follow(result: CommandResult, out: ShellOutput): CommandResult {
    for (const effect of result.effects ?? []) {
      if (effect.type === "enter") {
        this.frames.push({
          context: effect.context,
          ...(effect.attach
            ? {
                attachedRun: {
                  namespace: effect.attach.namespace,
                  name: effect.attach.name,
                  remove: effect.attach.removeOnExit,
                },
              }
            : {}),
        });
      } else if (effect.type === "exec") {
        const { namespace, pod, container, argv } = effect;
        this.frames.push({ context: { type: "pod", namespace, pod, container, shell: "sh" } });
        try {
          const inner = this.runSimple(argv, "", out);
          const rest = (result.effects ?? []).filter((e) => e !== effect);
          return {
            ...inner,
            stdout: result.stdout + inner.stdout,
            stderr: result.stderr + inner.stderr,
            effects: [...rest, ...(inner.effects ?? [])],
          };
        } finally {
          this.frames.pop();
        }
      }
    }
    return result;
  }

  private exit(out: ShellOutput): CommandResult {
    if (this.frames.length === 1) return { stdout: "", stderr: "", exitCode: 0 };
    const frame = this.frames.pop()!;
    let stdout = "";
    if (frame.attachedRun) {
      const { namespace, name, remove } = frame.attachedRun;
      if (remove) {
        try {
          this.deps.api.delete("Pod", namespace, name);
          stdout = deletedMessage(this.deps.cluster, resourceForKind("Pod")!, name, namespace);
        } catch {
          stdout = "";
        }
      } else {
        stdout = `Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`;
      }
    }
    out.effects.push({ type: "exited" });
    return { stdout, stderr: "", exitCode: this.lastExit };
  }

  /** `cd`: a shell builtin, since it changes the shell itself. */
  private cd(args: string[]): CommandResult {
    const ctx = this.context;
    const target = resolvePath(cwdOf(ctx), args[0] ?? "~");
    if (ctx.type !== "node" || !isDirectory(target, this.deps.files, this.dirs)) {
      return {
        stdout: "",
        stderr: `${this.shellName()}: cd: ${args[0]}: No such file or directory\n`,
        exitCode: 1,
      };
    }
    this.frames[this.frames.length - 1]!.context = { ...ctx, cwd: target };
    return { stdout: "", stderr: "", exitCode: 0 };
  }

  private mkdir(args: string[]): CommandResult {
    const ctx = this.context;
    const parents = args.includes("-p");
    let stderr = "";
    for (const a of args.filter((x) => !x.startsWith("-"))) {
      const dir = resolvePath(cwdOf(ctx), a);
      const parent = dir.slice(0, dir.lastIndexOf("/")) || "/";
      if (!parents && !isDirectory(parent, this.deps.files, this.dirs)) {
        stderr += `mkdir: cannot create directory '${a}': No such file or directory\n`;
      } else if (!parents && isDirectory(dir, this.deps.files, this.dirs)) {
        stderr += `mkdir: cannot create directory '${a}': File exists\n`;
      } else {
        for (let d = dir; d.length > 1; d = d.slice(0, d.lastIndexOf("/")) || "/") this.dirs.add(d);
      }
    }
    return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
  }

  /** `help`: bash's and ash's builtin; other shells (dash's `sh`, zsh) have none here. */
  private help(args: string[]): CommandResult | undefined {
    const ctx = this.context;
    const texts = () => requireAssets(this.deps.assets()).bashHelp;
    if (ctx.type === "node") return bashHelp(texts(), DEBIAN_BASH, args);
    const builtins = imageProfile(containerOf(this.pod(ctx), ctx.container)?.image ?? "").builtins;
    const shell = this.shellName();
    if (builtins.shell === "ash" && (shell === "sh" || shell === "ash")) return ashHelp();
    if (
      builtins.shell === "bash" &&
      (shell === "bash" || (shell === "sh" && builtins.version.includes("alpine")))
    )
      return bashHelp(texts(), builtins.version, args);
    return undefined;
  }

  private available(ctx: ShellContext): Set<string> {
    if (ctx.type === "node") return new Set(NODE_TOOLS);
    const pod = this.pod(ctx);
    return new Set(imageProfile(containerOf(pod, ctx.container)?.image ?? "").tools);
  }

  private notFound(cmd: string): string {
    const ctx = this.context;
    if (ctx.type === "node") return `${cmd}: command not found`;
    const pod = this.pod(ctx);
    return imageProfile(containerOf(pod, ctx.container)?.image ?? "").notFound(this.shellName(), cmd);
  }

  private shellName(): string {
    const ctx = this.context;
    return ctx.type === "node" ? "bash" : ctx.shell.replace(/^.*\//, "");
  }

  private filesFor(ctx: ShellContext): ReadonlyMap<string, string> {
    if (ctx.type === "node") return new PathMap(this.deps.files, ctx.cwd);
    const pod = this.pod(ctx);
    return new PathMap(pod ? this.deps.podFiles(pod) : new Map(), "/");
  }

  private pod(ctx: Extract<ShellContext, { type: "pod" }>): Pod | undefined {
    return this.deps.cluster.store.get("Pod", ctx.namespace, ctx.pod);
  }
}

function containerOf(pod: Pod | undefined, name: string) {
  const containers = pod?.spec?.containers ?? [];
  return containers.find((c) => c.name === name) ?? containers[0];
}

/** Files by absolute path; relative paths resolve against the shell's working directory. */
class PathMap extends Map<string, string> {
  constructor(
    files: Map<string, string>,
    private readonly cwd: string,
  ) {
    super(files);
  }

  override get(path: string): string | undefined {
    if (path.startsWith("/")) return super.get(path);
    const rel = path.replace(/^~\//, "").replace(/^\.\//, "");
    return super.get(`${this.cwd.replace(/\/$/, "")}/${rel}`);
  }
}
