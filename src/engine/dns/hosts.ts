/**
 * /etc/hosts and the hostname as the kubelet sets them up for a pod
 * (`pkg/kubelet/kubelet_pods.go`: managedHostsFileContent, nodeHostsFileContent).
 */
import type { Node, Pod } from "../api/types";
import type { Cluster } from "../cluster";

/** The pod's hostname: spec.hostname, else its name cut to 63 characters; the node's name with hostNetwork. */
export function podHostname(pod: Pod): string {
  if (pod.spec?.hostNetwork && pod.spec.nodeName) return pod.spec.nodeName;
  const name = pod.spec?.hostname ?? pod.metadata.name;
  return name.length > 63 ? name.slice(0, 63).replace(/[-.]+$/, "") : name;
}

function nodeInternalIP(node: Node | undefined): string | undefined {
  return node?.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
}

/**
 * A node's /etc/hosts.
 * NOTE: invented, in the shape Debian/Ubuntu cloud images write.
 */
export function nodeHostsFile(nodeName: string, node: Node | undefined): string {
  const ip = nodeInternalIP(node);
  return (
    "127.0.0.1 localhost\n" +
    (ip ? `${ip} ${nodeName}\n` : `127.0.1.1 ${nodeName}\n`) +
    "\n# The following lines are desirable for IPv6 capable hosts\n" +
    "::1 ip6-localhost ip6-loopback\n" +
    "fe00::0 ip6-localnet\n" +
    "ff00::0 ip6-mcastprefix\n" +
    "ff02::1 ip6-allnodes\n" +
    "ff02::2 ip6-allrouters\n"
  );
}

function hostAliasLines(pod: Pod): string {
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length === 0) return "";
  let out = "\n# Entries added by HostAliases.\n";
  for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join("\t")}\n`;
  return out;
}

/** The pod's /etc/hosts: the kubelet-managed file, or the node's for hostNetwork pods. */
export function podHostsFile(cluster: Cluster, pod: Pod): string {
  if (pod.spec?.hostNetwork) {
    const nodeName = pod.spec.nodeName ?? "";
    return nodeHostsFile(nodeName, cluster.store.get("Node", undefined, nodeName)) + hostAliasLines(pod);
  }
  let out =
    "# Kubernetes-managed hosts file.\n" +
    "127.0.0.1\tlocalhost\n" +
    "::1\tlocalhost ip6-localhost ip6-loopback\n" +
    "fe00::0\tip6-localnet\n" +
    "fe00::0\tip6-mcastprefix\n" +
    "fe00::1\tip6-allnodes\n" +
    "fe00::2\tip6-allrouters\n";
  const hostname = podHostname(pod);
  const ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
  const subdomain = pod.spec?.subdomain;
  const domain = subdomain
    ? `${subdomain}.${pod.metadata.namespace ?? "default"}.svc.${cluster.config.dnsDomain.replace(/\.$/, "")}`
    : "";
  for (const ip of ips)
    out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  return out + hostAliasLines(pod);
}

/** Looks a name up in hosts-file text, as glibc's `files` source does (first match wins). */
export function lookupHosts(text: string, name: string): string[] {
  const want = name.toLowerCase().replace(/\.$/, "");
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const [ip, ...names] = line.split(/\s+/);
    if (ip && names.some((n) => n.toLowerCase() === want)) out.push(ip);
  }
  return out;
}
