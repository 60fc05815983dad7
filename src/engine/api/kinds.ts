/**
 * The kinds the simulated API server serves, each described once: its names (RESTMapper in
 * miniature), its scope and the Go struct it decodes into. The table is typed over every `Kind`,
 * so a kind added to `KindMap` does not compile until it is described here. Its write path lives
 * in `strategy/` and what kubectl shows of it in `shell/kubectl/kindViews.ts`, both typed the same
 * way (see src/engine/README.md).
 */
import type { Kind } from "./types";
import type { NameRule } from "./validation/names";

/** How one kind is named and scoped. */
export interface KindInfo<K extends Kind = Kind> {
  kind: K;
  /** Accepted `apiVersion` values; the first is the preferred one. */
  apiVersions: readonly string[];
  /** API group ("" for core). */
  group: string;
  /** Lower-case plural, without the group: `services`. */
  plural: string;
  /** kubectl's short names (`svc`), from the API server's discovery. */
  shortNames: readonly string[];
  /** Lives in a namespace (the rest are cluster-scoped). */
  namespaced: boolean;
  /** Which check `metadata.name` gets. */
  nameRule: NameRule;
  /** The Go struct its objects decode into: a key of decode/schema.json's `types`. */
  goType: string;
}

/** Every kind, by name. */
export const KIND_INFO: { readonly [K in Kind]: KindInfo<K> } = {
  Namespace: {
    kind: "Namespace",
    apiVersions: ["v1"],
    group: "",
    plural: "namespaces",
    shortNames: ["ns"],
    namespaced: false,
    nameRule: "DNS1123Label",
    goType: "core.Namespace",
  },
  Node: {
    kind: "Node",
    apiVersions: ["v1"],
    group: "",
    plural: "nodes",
    shortNames: ["no"],
    namespaced: false,
    nameRule: "DNS1123Subdomain",
    goType: "core.Node",
  },
  Pod: {
    kind: "Pod",
    apiVersions: ["v1"],
    group: "",
    plural: "pods",
    shortNames: ["po"],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "core.Pod",
  },
  Service: {
    kind: "Service",
    apiVersions: ["v1"],
    group: "",
    plural: "services",
    shortNames: ["svc"],
    namespaced: true,
    nameRule: "DNS1035Label",
    goType: "core.Service",
  },
  Endpoints: {
    kind: "Endpoints",
    apiVersions: ["v1"],
    group: "",
    plural: "endpoints",
    shortNames: ["ep"],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "core.Endpoints",
  },
  ConfigMap: {
    kind: "ConfigMap",
    apiVersions: ["v1"],
    group: "",
    plural: "configmaps",
    shortNames: ["cm"],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "core.ConfigMap",
  },
  Deployment: {
    kind: "Deployment",
    apiVersions: ["apps/v1"],
    group: "apps",
    plural: "deployments",
    shortNames: ["deploy"],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "apps.Deployment",
  },
  ReplicaSet: {
    kind: "ReplicaSet",
    apiVersions: ["apps/v1"],
    group: "apps",
    plural: "replicasets",
    shortNames: ["rs"],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "apps.ReplicaSet",
  },
  EndpointSlice: {
    kind: "EndpointSlice",
    apiVersions: ["discovery.k8s.io/v1"],
    group: "discovery.k8s.io",
    plural: "endpointslices",
    shortNames: [],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "discovery.EndpointSlice",
  },
  Lease: {
    kind: "Lease",
    apiVersions: ["coordination.k8s.io/v1"],
    group: "coordination.k8s.io",
    plural: "leases",
    shortNames: [],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "coordination.Lease",
  },
  IPAddressPool: {
    kind: "IPAddressPool",
    apiVersions: ["metallb.io/v1beta1"],
    group: "metallb.io",
    plural: "ipaddresspools",
    shortNames: [],
    namespaced: true,
    nameRule: "DNS1123Subdomain",
    goType: "metallb.IPAddressPool",
  },
  ClusterConfiguration: {
    kind: "ClusterConfiguration",
    apiVersions: ["kubeadm.k8s.io/v1beta4", "kubeadm.k8s.io/v1beta3"],
    group: "kubeadm.k8s.io",
    plural: "clusterconfigurations",
    shortNames: [],
    namespaced: false,
    nameRule: "DNS1123Subdomain",
    goType: "kubeadm.ClusterConfiguration",
  },
  KubeletConfiguration: {
    kind: "KubeletConfiguration",
    apiVersions: ["kubelet.config.k8s.io/v1beta1"],
    group: "kubelet.config.k8s.io",
    plural: "kubeletconfigurations",
    shortNames: [],
    namespaced: false,
    nameRule: "DNS1123Subdomain",
    goType: "kubelet.KubeletConfiguration",
  },
  KubeProxyConfiguration: {
    kind: "KubeProxyConfiguration",
    apiVersions: ["kubeproxy.config.k8s.io/v1alpha1"],
    group: "kubeproxy.config.k8s.io",
    plural: "kubeproxyconfigurations",
    shortNames: [],
    namespaced: false,
    nameRule: "DNS1123Subdomain",
    goType: "kubeproxy.KubeProxyConfiguration",
  },
};

/** Every kind's description, in the table's order. */
export const KINDS: readonly KindInfo[] = Object.values(KIND_INFO);

/** Kinds that live in a namespace. */
export const NAMESPACED_KINDS: ReadonlySet<Kind> = new Set(
  KINDS.filter((k) => k.namespaced).map((k) => k.kind),
);

/** Everything known about a kind. */
export function kindInfo<K extends Kind>(kind: K): KindInfo<K> {
  return KIND_INFO[kind];
}

/** The served kind for an `apiVersion` + `kind` pair, or undefined (NoMatch). */
export function lookupKind(apiVersion: unknown, kind: unknown): Kind | undefined {
  if (typeof kind !== "string" || typeof apiVersion !== "string" || !Object.hasOwn(KIND_INFO, kind)) {
    return undefined;
  }
  const info = KIND_INFO[kind as Kind];
  return info.apiVersions.includes(apiVersion) ? info.kind : undefined;
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
  return KIND_INFO[kind].namespaced;
}
