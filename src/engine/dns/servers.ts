/**
 * Which addresses answer DNS in the simulation: cluster DNS (CoreDNS behind
 * the kube-dns Service, node-local DNS, the CoreDNS pods) or an upstream
 * recursive resolver. Anything else never answers.
 */
import type { Cluster } from "../cluster";
import { nodeResolvConf } from "./resolvConf";
import { PUBLIC_RESOLVERS } from "./upstream";

export type DnsServerKind = "cluster" | "upstream";

/** The kube-dns Service's cluster IPs, if the Service exists. */
export function kubeDnsServiceIPs(cluster: Cluster): string[] {
  const spec = cluster.store.get("Service", "kube-system", "kube-dns")?.spec;
  return (spec?.clusterIPs ?? (spec?.clusterIP ? [spec.clusterIP] : [])).filter(
    (ip) => ip !== "None" && ip !== "",
  );
}

/** What answers at `ip`:53, or undefined when nothing does (dig times out). */
export function dnsServerKind(cluster: Cluster, ip: string): DnsServerKind | undefined {
  if (cluster.config.clusterDNS.includes(ip) || kubeDnsServiceIPs(cluster).includes(ip)) return "cluster";
  for (const pod of cluster.store.list("Pod", "kube-system")) {
    if (pod.metadata.labels?.["k8s-app"] === "kube-dns" && pod.status?.podIP === ip) return "cluster";
  }
  if (PUBLIC_RESOLVERS.includes(ip) || nodeResolvConf().nameservers.includes(ip)) return "upstream";
  return undefined;
}
