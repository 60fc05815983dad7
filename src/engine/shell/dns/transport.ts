/**
 * How a DNS tool in a shell reaches a server: the context's resolv.conf and
 * hosts file, and which address answers (cluster DNS, an upstream resolver,
 * or nothing at all).
 */
import type { DnsResponse, RRType } from "../../dns/contract";
import { nodeHostsFile, podHostsFile } from "../../dns/hosts";
import type { ResolvConf } from "../../dns/resolvConf";
import { nodeResolvConf, parseResolvConf } from "../../dns/resolvConf";
import type { DnsServerKind } from "../../dns/servers";
import { dnsServerKind } from "../../dns/servers";
import { queryUpstream } from "../../dns/upstream";
import type { CommandEnv } from "../types";

/** The resolver configuration where the command runs: the pod's, or the node's own. */
export function contextResolvConf(env: CommandEnv): ResolvConf {
  const ctx = env.context;
  if (ctx.type === "node") return nodeResolvConf();
  return parseResolvConf(env.dns.resolvConf({ namespace: ctx.namespace, name: ctx.pod }));
}

/** The hosts file where the command runs. */
export function contextHostsFile(env: CommandEnv): string {
  const ctx = env.context;
  if (ctx.type === "node") return nodeHostsFile(ctx.node, env.cluster.store.get("Node", undefined, ctx.node));
  const pod = env.cluster.store.get("Pod", ctx.namespace, ctx.pod);
  return pod ? podHostsFile(env.cluster, pod) : "";
}

export interface Exchange {
  kind: DnsServerKind;
  response: DnsResponse;
}

/** One UDP exchange with `server`:53; undefined when nothing answers. */
export function exchange(env: CommandEnv, server: string, name: string, type: RRType): Exchange | undefined {
  const kind = dnsServerKind(env.cluster, server);
  if (kind === "cluster") return { kind, response: env.dns.query(name, type) };
  if (kind === "upstream") return { kind, response: queryUpstream(name, type, env.cluster.clock.now()) };
  return undefined;
}
