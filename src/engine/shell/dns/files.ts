/**
 * The files the kubelet writes into every pod (`/etc/resolv.conf`,
 * `/etc/hosts`, `/etc/hostname`) and the `hostname` command.
 */
import type { Pod } from "../../api/types";
import type { Cluster } from "../../cluster";
import type { Dns } from "../../dns/contract";
import { podHostname, podHostsFile } from "../../dns/hosts";
import { NODE_RESOLV_CONF } from "../../dns/upstream";
import type { Command, CommandEnv } from "../types";
import { ok } from "../types";

/** The resolv.conf where a command runs: the pod's, or the node's. */
export function resolvConfFile(env: CommandEnv): string {
  const ctx = env.context;
  if (ctx.type === "node") return NODE_RESOLV_CONF;
  return env.dns.resolvConf({ namespace: ctx.namespace, name: ctx.pod });
}

/** A pod's kubelet-managed files, by absolute path. */
export function podFiles(cluster: Cluster, dns: Dns, pod: Pod): Map<string, string> {
  return new Map([
    [
      "/etc/resolv.conf",
      dns.resolvConf({ namespace: pod.metadata.namespace ?? "default", name: pod.metadata.name }),
    ],
    ["/etc/hosts", podHostsFile(cluster, pod)],
    ["/etc/hostname", `${podHostname(pod)}\n`],
  ]);
}

/** `hostname`: the pod's hostname (spec.hostname or its name), or the node's name. */
export const hostname: Command = (_args, env) => {
  const ctx = env.context;
  if (ctx.type === "node") return ok(`${ctx.node}\n`);
  const pod = env.cluster.store.get("Pod", ctx.namespace, ctx.pod);
  return ok(`${pod ? podHostname(pod) : ctx.pod}\n`);
};
