/**
 * The kinds the simulated API server serves, with the names kubectl uses
 * for them (RESTMapper in miniature).
 */
import type { Kind } from "./types";
import { NAMESPACED_KINDS } from "./types";
import type { NameRule } from "./validation/names";

export interface KindInfo {
  kind: Kind;
  /** Accepted `apiVersion` values; the first is the preferred one. */
  apiVersions: readonly string[];
  /** API group ("" for core). */
  group: string;
  /** Lower-case plural, without the group: `services`. */
  plural: string;
  /** Which check `metadata.name` gets. */
  nameRule: NameRule;
}

const KINDS: readonly KindInfo[] = [
  { kind: "Namespace", apiVersions: ["v1"], group: "", plural: "namespaces", nameRule: "DNS1123Label" },
  { kind: "Node", apiVersions: ["v1"], group: "", plural: "nodes", nameRule: "DNS1123Subdomain" },
  { kind: "Pod", apiVersions: ["v1"], group: "", plural: "pods", nameRule: "DNS1123Subdomain" },
  { kind: "Service", apiVersions: ["v1"], group: "", plural: "services", nameRule: "DNS1035Label" },
  { kind: "Endpoints", apiVersions: ["v1"], group: "", plural: "endpoints", nameRule: "DNS1123Subdomain" },
  { kind: "ConfigMap", apiVersions: ["v1"], group: "", plural: "configmaps", nameRule: "DNS1123Subdomain" },
  {
    kind: "Deployment",
    apiVersions: ["apps/v1"],
    group: "apps",
    plural: "deployments",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "ReplicaSet",
    apiVersions: ["apps/v1"],
    group: "apps",
    plural: "replicasets",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "EndpointSlice",
    apiVersions: ["discovery.k8s.io/v1"],
    group: "discovery.k8s.io",
    plural: "endpointslices",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "Lease",
    apiVersions: ["coordination.k8s.io/v1"],
    group: "coordination.k8s.io",
    plural: "leases",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "IPAddressPool",
    apiVersions: ["metallb.io/v1beta1"],
    group: "metallb.io",
    plural: "ipaddresspools",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "ClusterConfiguration",
    apiVersions: ["kubeadm.k8s.io/v1beta4", "kubeadm.k8s.io/v1beta3"],
    group: "kubeadm.k8s.io",
    plural: "clusterconfigurations",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "KubeletConfiguration",
    apiVersions: ["kubelet.config.k8s.io/v1beta1"],
    group: "kubelet.config.k8s.io",
    plural: "kubeletconfigurations",
    nameRule: "DNS1123Subdomain",
  },
  {
    kind: "KubeProxyConfiguration",
    apiVersions: ["kubeproxy.config.k8s.io/v1alpha1"],
    group: "kubeproxy.config.k8s.io",
    plural: "kubeproxyconfigurations",
    nameRule: "DNS1123Subdomain",
  },
];

const BY_KIND = new Map<string, KindInfo>(KINDS.map((k) => [k.kind, k]));

/** Config kinds: stored, but they configure the cluster rather than run in it. */
export const CONFIG_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  "ClusterConfiguration",
  "KubeletConfiguration",
  "KubeProxyConfiguration",
]);

/** Everything known about a served kind. */
export function kindInfo(kind: Kind): KindInfo {
  const info = BY_KIND.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

/** The served kind for an `apiVersion` + `kind` pair, or undefined (NoMatch). */
export function lookupKind(apiVersion: unknown, kind: unknown): Kind | undefined {
  if (typeof kind !== "string" || typeof apiVersion !== "string") return undefined;
  const info = BY_KIND.get(kind);
  return info?.apiVersions.includes(apiVersion) ? info.kind : undefined;
}

/** kubectl's resource name as `apply` prints it: `service`, `deployment.apps`. */
export function resourceName(kind: Kind): string {
  const info = kindInfo(kind);
  const singular = info.kind.toLowerCase();
  return info.group ? `${singular}.${info.group}` : singular;
}

/** The plural with its group, as in NotFound messages: `services`, `deployments.apps`. */
export function pluralName(kind: Kind): string {
  const info = kindInfo(kind);
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** True for kinds that live in a namespace. */
export function isNamespaced(kind: Kind): boolean {
  return NAMESPACED_KINDS.has(kind);
}
