/**
 * The real kubectl as a test oracle: serves a Simulation's objects through
 * KubeApiServer and runs /usr/bin/kubectl against it. Where no kubectl is
 * installed, `REAL_KUBECTL` is undefined and the oracle tests skip.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadShellAssets } from "../engine/shell/assets";
import { openAPIV3Documents } from "../engine/shell/kubectl/explain/openapi";
import type { Simulation } from "../engine/simulation";
import { KubeApiServer, type LogReply, SERVED_RESOURCES } from "./kubeApiServer.testkit";

const REASON_CODES: Record<string, number> = { BadRequest: 400, NotFound: 404 };

/**
 * A pod's log as Packetwalk's API server answers it: `kubectl logs POD -c CONTAINER` with the
 * request's options prints exactly the response body (no notes: the container is named).
 */
function engineLog(sim: Simulation, namespace: string, pod: string, query: URLSearchParams): LogReply {
  const args = ["kubectl", "logs", "-n", namespace, pod, "-c", query.get("container") ?? ""];
  for (const [param, name] of [
    ["tailLines", "tail"],
    ["limitBytes", "limit-bytes"],
    ["sinceSeconds", "since"],
    ["sinceTime", "since-time"],
  ] as const) {
    const v = query.get(param);
    if (v !== null) args.push(`--${name}=${param === "sinceSeconds" ? `${v}s` : v}`);
  }
  for (const b of ["timestamps", "previous"]) if (query.get(b) === "true") args.push(`--${b}`);
  const out = sim.run(args.join(" "));
  if (out.exitCode === 0) return { text: out.stdout };
  const m = /^Error from server \((\w+)\): (.*)\n$/s.exec(out.stderr);
  if (!m) throw new Error(`the engine refused a log request without a Status: ${out.stderr}`);
  return { code: REASON_CODES[m[1] as string] ?? 500, reason: m[1] as string, message: m[2] as string };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The kubectl binary the oracle runs (`PACKETWALK_KUBECTL` overrides), or undefined when none is installed. */
export const REAL_KUBECTL: string | undefined = [process.env.PACKETWALK_KUBECTL, "/usr/bin/kubectl"].find(
  (p): p is string => p !== undefined && p !== "" && executable(p),
);

/**
 * A kubectl 1.32 binary itself, for tests that compare with one version whatever the server's:
 * Google Cloud SDK's bundled `kubectl.1.32` where the dispatcher is installed (the dispatcher's
 * own build writes cobra's `Error:` for flag errors, where kubectl writes `error:`), else REAL_KUBECTL.
 */
export const KUBECTL_1_32: string | undefined = [
  process.env.PACKETWALK_KUBECTL,
  "/usr/lib/google-cloud-sdk/bin/kubectl.1.32",
  REAL_KUBECTL,
].find((p): p is string => p !== undefined && p !== "" && executable(p));

export interface KubectlRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** A real kubectl pointed at a fake API server that serves one Simulation's objects. */
export class RealKubectl {
  private constructor(
    private readonly server: KubeApiServer,
    private readonly dir: string,
    private readonly binary: string,
  ) {}

  /**
   * Serves every object `sim` holds (read with its own `kubectl get -A -o json`,
   * so what real kubectl sees is what Packetwalk prints) and writes a kubeconfig for it.
   */
  static async start(sim: Simulation, gitVersion: string, binary: string): Promise<RealKubectl> {
    const objects = new Map<string, Record<string, unknown>[]>();
    for (const r of SERVED_RESOURCES) {
      const out = sim.run(`kubectl get ${r.group ? `${r.plural}.${r.group}` : r.plural} -A -o json`);
      const list =
        out.exitCode === 0 && out.stdout
          ? (JSON.parse(out.stdout) as { items: Record<string, unknown>[] })
          : undefined;
      objects.set(r.plural, list?.items ?? []);
    }
    const server = new KubeApiServer(
      objects,
      gitVersion,
      SERVED_RESOURCES,
      (ns, pod, query) => engineLog(sim, ns, pod, query),
      openAPIV3Documents((await loadShellAssets()).schema),
    );
    return RealKubectl.listen(server, binary);
  }

  /**
   * Serves exactly `objects` (by resource plural, each carrying its apiVersion and kind), as a
   * real API server stores them: no Simulation reads them first. For authoring dumps that real
   * kubectl prints.
   */
  static serve(
    objects: ReadonlyMap<string, readonly Record<string, unknown>[]>,
    gitVersion: string,
    binary: string,
  ): Promise<RealKubectl> {
    return RealKubectl.listen(new KubeApiServer(objects, gitVersion), binary);
  }

  private static async listen(server: KubeApiServer, binary: string): Promise<RealKubectl> {
    const url = await server.start();
    const dir = mkdtempSync(join(tmpdir(), "packetwalk-kubectl-"));
    writeFileSync(
      join(dir, "config"),
      [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        `- cluster: {server: "${url}"}`,
        "  name: packetwalk",
        "contexts:",
        "- context: {cluster: packetwalk, user: packetwalk, namespace: default}",
        "  name: packetwalk",
        "current-context: packetwalk",
        "users:",
        "- name: packetwalk",
        "  user: {}",
        "",
      ].join("\n"),
    );
    return new RealKubectl(server, dir, binary);
  }

  /** Writes a file in the directory kubectl runs in (for `-f NAME`). */
  writeFile(name: string, text: string): void {
    writeFileSync(join(this.dir, name), text);
  }

  /** Runs `kubectl ARGS` in UTC (describe prints local times), with its own discovery cache. */
  run(args: readonly string[], stdin?: string): Promise<KubectlRun> {
    return new Promise((resolve) => {
      const child = execFile(
        this.binary,
        [...args],
        {
          cwd: this.dir,
          env: {
            PATH: process.env.PATH ?? "/usr/bin:/bin",
            HOME: this.dir,
            KUBECONFIG: join(this.dir, "config"),
            TZ: "UTC",
            LANG: "C",
          },
          maxBuffer: 16 * 1024 * 1024,
          timeout: 60_000,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ stdout, stderr, code });
        },
      );
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  }

  /** The fake server's request log (what kubectl asked for). */
  get requests(): readonly string[] {
    return this.server.requests;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
