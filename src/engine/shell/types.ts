import type { Api } from "../api/contract";
import type { Cluster } from "../cluster";
import type { Dns } from "../dns/contract";
import type { Net } from "../net/contract";
import type { Trace } from "../net/types";
import type { ShellAssets } from "./assets";
import type { DigReply } from "./dns/digFormat";

/** Where a command runs: a root shell on a node, or a shell inside a pod's container. */
export type ShellContext =
  | { type: "node"; node: string; cwd: string }
  | { type: "pod"; namespace: string; pod: string; container: string; shell: string };

/** What a command may use. */
export interface CommandEnv {
  cluster: Cluster;
  /** The API server, for commands that change the cluster (kubectl apply, delete, scale...). */
  api: Api;
  /** Cluster DNS, as CoreDNS answers. */
  dns: Dns;
  /** The packet pipeline (curl, trace). */
  net: Net;
  context: ShellContext;
  /** The previous command's stdout when piped (`iptables-save | grep KUBE`). */
  stdin: string;
  /** The files this context sees by absolute path: a node's virtual files (`kubectl apply -f web.yaml`), a pod's /etc/resolv.conf. */
  files: ReadonlyMap<string, string>;
  /** The help texts and schema, once the host has loaded them (`Simulation.loadAssets`). */
  assets: () => ShellAssets | undefined;
}

/**
 * What a command asks of the shell or shows the UI besides its text, one
 * shape per kind (`type` tells which):
 * - `trace`: a packet's journey (curl, trace) for the diagram and the trace panel;
 * - `dns`: the DNS exchange behind dig's answer;
 * - `clear`: clear the terminal;
 * - `enter`: open a shell in `context` (`kubectl exec -it`); `attach` when
 *   `kubectl run -it` attached to a new pod, whose exit says so (and deletes it with `--rm`);
 * - `exec`: run `argv` inside a pod's container (`kubectl exec POD -- CMD`);
 * - `exited`: the current shell was left (`exit`).
 */
export type ShellEffect =
  | { type: "trace"; trace: Trace }
  | { type: "dns"; reply: DigReply }
  | { type: "clear" }
  | {
      type: "enter";
      context: ShellContext;
      attach?: { namespace: string; name: string; removeOnExit: boolean };
    }
  | { type: "exec"; namespace: string; pod: string; container: string; argv: string[] }
  | { type: "exited" };

/** What a command returns: the exact text the real tool prints, its exit status, and its effects. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  /**
   * stdout and stderr interleaved as a terminal shows them, when the tool
   * writes to both in turn (`curl -v`); by default stdout, then stderr.
   */
  display?: string;
  exitCode: number;
  /** What the command asks of the shell or shows the UI, in order. */
  effects?: ShellEffect[];
}

export type Command = (args: string[], env: CommandEnv) => CommandResult;

export function ok(stdout = ""): CommandResult {
  return { stdout, stderr: "", exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ""): CommandResult {
  return { stdout, stderr, exitCode };
}
