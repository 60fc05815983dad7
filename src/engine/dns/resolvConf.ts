/**
 * A pod's /etc/resolv.conf as the kubelet writes it
 * (`pkg/kubelet/network/dns/dns.go`: GetPodDNS, appendDNSConfig,
 * formDNSConfigFitsLimits) and the container runtime renders it.
 */
import type { Pod } from "../api/types";
import type { Cluster } from "../cluster";
import { NODE_RESOLV_CONF } from "./upstream";

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  /** `ndots:5`, `edns0`... */
  options: string[];
}

/** Parses resolv.conf text (nameserver, search/domain, options lines). */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], searches: [], options: [] };
  for (const line of text.split("\n")) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === "nameserver" && rest[0]) conf.nameservers.push(rest[0]);
    else if (key === "search" || key === "domain") conf.searches = rest;
    else if (key === "options") conf.options.push(...rest);
  }
  return conf;
}

/** The file as containerd writes it: search, then one nameserver line each, then options. */
export function renderResolvConf(conf: ResolvConf): string {
  let out = "";
  if (conf.searches.length) out += `search ${conf.searches.join(" ")}\n`;
  for (const ns of conf.nameservers) out += `nameserver ${ns}\n`;
  if (conf.options.length) out += `options ${conf.options.join(" ")}\n`;
  return out;
}

/** The node's own resolver configuration. */
export function nodeResolvConf(): ResolvConf {
  return parseResolvConf(NODE_RESOLV_CONF);
}

/** ndots from the options (glibc's default is 1). */
export function ndotsOf(conf: ResolvConf): number {
  let ndots = 1;
  for (const o of conf.options) {
    const m = /^ndots:(\d+)$/.exec(o);
    if (m) ndots = Math.min(15, Number(m[1]));
  }
  return ndots;
}

function omitDuplicates(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * NOTE: the kubelet merges options through a Go map, so their order in the
 * real file is random; here existing options keep their place and new ones follow.
 */
function mergeOptions(existing: string[], extra: { name?: string; value?: string }[]): string[] {
  const map = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(":");
    if (i >= 0) map.set(op.slice(0, i), op.slice(i + 1));
    else map.set(op, "");
  }
  for (const op of extra) if (op.name) map.set(op.name, op.value ?? "");
  return [...map].map(([k, v]) => (v === "" ? k : `${k}:${v}`));
}

type DnsType = "cluster" | "host" | "none";

function dnsTypeOf(pod: Pod | undefined): DnsType {
  const policy = pod?.spec?.dnsPolicy ?? "ClusterFirst";
  if (policy === "None") return "none";
  if (policy === "ClusterFirstWithHostNet") return "cluster";
  if (policy === "Default") return "host";
  // ClusterFirst on a hostNetwork pod falls back to the node's settings.
  return pod?.spec?.hostNetwork ? "host" : "cluster";
}

/** The resolver configuration the kubelet gives a pod (`namespace` is used when the pod is not in the store). */
export function podResolvConf(cluster: Cluster, pod: Pod | undefined, namespace: string): ResolvConf {
  const host = nodeResolvConf();
  let conf: ResolvConf;
  const type = dnsTypeOf(pod);
  const zone = cluster.config.dnsDomain.replace(/\.$/, "");
  if (type === "none") conf = { nameservers: [], searches: [], options: [] };
  else if (type === "cluster" && cluster.config.clusterDNS.length > 0) {
    const ns = pod?.metadata.namespace ?? namespace;
    conf = {
      nameservers: [...cluster.config.clusterDNS],
      searches: omitDuplicates([`${ns}.svc.${zone}`, `svc.${zone}`, zone, ...host.searches]),
      options: ["ndots:5"],
    };
  } else conf = host;
  const extra = pod?.spec?.dnsConfig;
  if (extra) {
    conf = {
      nameservers: omitDuplicates([...conf.nameservers, ...(extra.nameservers ?? [])]),
      searches: omitDuplicates([...conf.searches, ...(extra.searches ?? [])]),
      options: mergeOptions(conf.options, extra.options ?? []),
    };
  }
  return fitsLimits(conf);
}

/** formDNSConfigFitsLimits: at most 3 nameservers, 32 search domains, 2048 characters of them. */
function fitsLimits(conf: ResolvConf): ResolvConf {
  const searches: string[] = [];
  let chars = 0;
  for (const s of conf.searches.slice(0, 32)) {
    chars += s.length + (searches.length ? 1 : 0);
    if (chars > 2048) break;
    searches.push(s);
  }
  return { nameservers: conf.nameservers.slice(0, 3), searches, options: conf.options };
}
