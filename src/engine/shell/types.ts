import type { Api } from "../api/contract";
import type { Cluster } from "../cluster";
import type { Dns } from "../dns/contract";
import type { Net } from "../net/contract";

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
}

/**
 * What a command returns: the exact text the real tool prints, its exit
 * status, and structured data for the UI.
 */
export interface CommandResult {
  stdout: string;
  stderr: string;
  /**
   * stdout and stderr interleaved as a terminal shows them, when the tool
   * writes to both in turn (`curl -v`); by default stdout, then stderr.
   */
  display?: string;
  exitCode: number;
  /** Enter a new shell (`kubectl run -it`, `kubectl exec -it`). */
  enter?: ShellContext;
  /** Leave the current shell (`exit`). */
  exit?: boolean;
  /** Structured data for the UI: a packet trace, say. */
  data?: unknown;
}

export type Command = (args: string[], env: CommandEnv) => CommandResult;

export function ok(stdout = ""): CommandResult {
  return { stdout, stderr: "", exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ""): CommandResult {
  return { stdout, stderr, exitCode };
}
