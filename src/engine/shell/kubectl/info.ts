import type { CommandEnv, CommandResult } from "../types";
import { failure } from "./errors";
import { type FlagSpec, flag, parseFlags } from "./flags";

/** The Kustomize bundled with each kubectl minor (from kubectl's go.mod). */
const KUSTOMIZE: Record<number, string> = {
  28: "v5.0.4-0.20230601165947-6ce0bf390ce3",
  29: "v5.0.4-0.20230601165947-6ce0bf390ce3",
  30: "v5.0.4-0.20230601165947-6ce0bf390ce3",
  31: "v5.4.2",
  32: "v5.5.0",
  33: "v5.6.0",
  34: "v5.7.1",
  35: "v5.7.1",
};

/**
 * `kubectl version`. kubectl matches the cluster here. NOTE: before 1.28 the
 * real output was a Go struct dump with git commit, build date and Go version;
 * those fields are left out.
 */
export function version(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(
    args,
    [
      { name: "client", type: "bool" },
      { name: "output", short: "o", type: "string" },
    ] as FlagSpec[],
    "kubectl version",
  );
  if ("error" in parsed) return failure(parsed.error);
  const v = env.cluster.config.kubernetesVersion;
  const [major, minor] = env.cluster.version;
  const client = parsed.values.has("client");
  if (flag(parsed, "output") === "json" || flag(parsed, "output") === "yaml") {
    return failure("error: --output json/yaml is not supported by this simulation");
  }
  if (minor < 28) {
    const info = `version.Info{Major:"${major}", Minor:"${minor}", GitVersion:"${v}", GitTreeState:"clean", Compiler:"gc", Platform:"linux/amd64"}`;
    return {
      stdout: `Client Version: ${info}\n${client ? "" : `Server Version: ${info}\n`}`,
      stderr: "",
      exitCode: 0,
    };
  }
  let out = `Client Version: ${v}\nKustomize Version: ${KUSTOMIZE[minor] ?? "v5.7.1"}\n`;
  if (!client) out += `Server Version: ${v}\n`;
  return { stdout: out, stderr: "", exitCode: 0 };
}

/** `kubectl cluster-info`, without the ANSI colours kubectl adds on a terminal. */
export function clusterInfo(_args: string[], env: CommandEnv): CommandResult {
  const { store } = env.cluster;
  const nodes = store.list("Node");
  const cp =
    nodes.find((n) => Object.hasOwn(n.metadata.labels ?? {}, "node-role.kubernetes.io/control-plane")) ??
    nodes[0];
  const ip = cp?.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "127.0.0.1";
  const base = `https://${ip}:6443`;
  const title = env.cluster.atLeast(1, 20) ? "Kubernetes control plane" : "Kubernetes master";
  let out = `${title} is running at ${base}\n`;
  for (const svc of store.list("Service", "kube-system")) {
    const labels = svc.metadata.labels ?? {};
    if (labels["kubernetes.io/cluster-service"] !== "true") continue;
    const name = labels["kubernetes.io/name"] ?? svc.metadata.name;
    const port = svc.spec?.ports?.[0]?.name;
    const link = port ? `${svc.metadata.name}:${port}` : svc.metadata.name;
    out += `${name} is running at ${base}/api/v1/namespaces/kube-system/services/${link}/proxy\n`;
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  return { stdout: out, stderr: "", exitCode: 0 };
}
