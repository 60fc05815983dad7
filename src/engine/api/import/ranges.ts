/**
 * The service and pod ranges of a dump without kubeadm-config, inferred from the objects: the
 * service range from the `default/kubernetes` Service's ClusterIP (the range's first address), the
 * pod range from the nodes' podCIDRs or the pods' IPs.
 */
import type { ManifestDocument } from "../contract";
import { cidrContains, cidrOf, formatCidr, ipToNumber, parseCidr } from "../ipv4";

type Obj = Record<string, unknown>;

function rec(v: unknown): Obj | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function find(docs: readonly ManifestDocument[], kind: string, ns: string, name: string) {
  return docs.find((d) => {
    const m = rec(d.object.metadata) ?? {};
    return d.object.kind === kind && m.name === name && m.namespace === ns;
  });
}

/** EKS's service ranges when the cluster's creator names none (10.100.0.0/16 or 172.20.0.0/16). */
const EKS_DEFAULT_RANGES = ["10.100.0.0/16", "172.20.0.0/16"];

/** Whether the dump's kubelets are EKS's (`v1.31.4-eks-aeac579`). */
function isEks(docs: readonly ManifestDocument[]): boolean {
  return docs.some(
    (d) =>
      d.object.kind === "Node" &&
      /-eks-/.test(str(rec(rec(rec(d.object.status)?.nodeInfo))?.kubeletVersion) ?? ""),
  );
}

/** The smallest prefix of at least `/min` that holds every address, or undefined. */
function supernet(ips: readonly number[], min: number): string | undefined {
  if (ips.length === 0) return undefined;
  for (let prefix = Math.min(min, 32); prefix >= 0; prefix--) {
    const net = cidrOf(ips[0] as never, prefix);
    if (ips.every((ip) => cidrContains(net, ip as never))) return formatCidr(net);
  }
  return undefined;
}

/**
 * The service range from the `default/kubernetes` Service, whose ClusterIP is the range's first
 * address: its network is that address less one, and the prefix the shortest from kubeadm's /12
 * on at which that network is aligned and holds every ClusterIP. The prefix is a guess, but for
 * EKS, whose clusters take 10.100.0.0/16 or 172.20.0.0/16 unless told otherwise.
 */
export function serviceRange(
  docs: readonly ManifestDocument[],
): { cidr: string; from: "importNote.serviceCidrInferred" | "importNote.serviceCidrEks" } | undefined {
  const kube = find(docs, "Service", "default", "kubernetes");
  const first = ipToNumber(str(rec(kube?.object.spec)?.clusterIP) ?? "");
  if (first === undefined) return undefined;
  const network = first - 1;
  const ips = docs
    .filter((d) => d.object.kind === "Service")
    .map((d) => ipToNumber(str(rec(d.object.spec)?.clusterIP) ?? ""))
    .filter((ip): ip is NonNullable<typeof ip> => ip !== undefined);
  const holds = (net: ReturnType<typeof cidrOf>) =>
    net.network === network && ips.every((ip) => cidrContains(net, ip));
  const eks = isEks(docs) ? EKS_DEFAULT_RANGES.map((c) => parseCidr(c)!).find(holds) : undefined;
  if (eks) return { cidr: formatCidr(eks), from: "importNote.serviceCidrEks" };
  for (let prefix = 12; prefix <= 30; prefix++) {
    const net = cidrOf(network as never, prefix);
    if (holds(net)) return { cidr: formatCidr(net), from: "importNote.serviceCidrInferred" };
  }
  return undefined;
}

/** The pod range: a supernet of the nodes' podCIDRs (at least kind's /16), else of the pods' IPs. */
export function podRange(
  docs: readonly ManifestDocument[],
): { cidr: string; from: "importNote.podCidrNodes" | "importNote.podCidrPods" } | undefined {
  const cidrs = docs
    .filter((d) => d.object.kind === "Node")
    .map((d) => parseCidr(str(rec(d.object.spec)?.podCIDR) ?? ""))
    .filter((c) => c !== undefined);
  if (cidrs.length > 0) {
    const ips = cidrs.flatMap((c) => [c.network, c.network + c.size - 1]);
    const cidr = supernet(ips, 16);
    return cidr ? { cidr, from: "importNote.podCidrNodes" } : undefined;
  }
  const ips = docs
    .filter((d) => d.object.kind === "Pod" && rec(d.object.spec)?.hostNetwork !== true)
    .map((d) => ipToNumber(str(rec(d.object.status)?.podIP) ?? ""))
    .filter((ip) => ip !== undefined);
  const cidr = supernet(ips, 16);
  return cidr ? { cidr, from: "importNote.podCidrPods" } : undefined;
}
