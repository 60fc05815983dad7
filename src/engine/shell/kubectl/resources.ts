import type { Kind } from "../../api/types";

/** One resource type as kubectl's discovery knows it. */
export interface ResourceType {
  kind: Kind;
  /** `services`, `deployments`. */
  plural: string;
  /** `service`, `deployment`. */
  singular: string;
  /** API group, `""` for the core group. */
  group: string;
  apiVersion: string;
  namespaced: boolean;
  shortNames: string[];
}

const TYPES: ResourceType[] = [
  {
    kind: "Pod",
    plural: "pods",
    singular: "pod",
    group: "",
    apiVersion: "v1",
    namespaced: true,
    shortNames: ["po"],
  },
  {
    kind: "Service",
    plural: "services",
    singular: "service",
    group: "",
    apiVersion: "v1",
    namespaced: true,
    shortNames: ["svc"],
  },
  {
    kind: "Endpoints",
    plural: "endpoints",
    singular: "endpoints",
    group: "",
    apiVersion: "v1",
    namespaced: true,
    shortNames: ["ep"],
  },
  {
    kind: "EndpointSlice",
    plural: "endpointslices",
    singular: "endpointslice",
    group: "discovery.k8s.io",
    apiVersion: "discovery.k8s.io/v1",
    namespaced: true,
    shortNames: [],
  },
  {
    kind: "Deployment",
    plural: "deployments",
    singular: "deployment",
    group: "apps",
    apiVersion: "apps/v1",
    namespaced: true,
    shortNames: ["deploy"],
  },
  {
    kind: "ReplicaSet",
    plural: "replicasets",
    singular: "replicaset",
    group: "apps",
    apiVersion: "apps/v1",
    namespaced: true,
    shortNames: ["rs"],
  },
  {
    kind: "Node",
    plural: "nodes",
    singular: "node",
    group: "",
    apiVersion: "v1",
    namespaced: false,
    shortNames: ["no"],
  },
  {
    kind: "Namespace",
    plural: "namespaces",
    singular: "namespace",
    group: "",
    apiVersion: "v1",
    namespaced: false,
    shortNames: ["ns"],
  },
  {
    kind: "ConfigMap",
    plural: "configmaps",
    singular: "configmap",
    group: "",
    apiVersion: "v1",
    namespaced: true,
    shortNames: ["cm"],
  },
  {
    kind: "Lease",
    plural: "leases",
    singular: "lease",
    group: "coordination.k8s.io",
    apiVersion: "coordination.k8s.io/v1",
    namespaced: true,
    shortNames: [],
  },
];

/** The types `kubectl get all` lists, in its order (the `all` category). */
export const ALL_CATEGORY: readonly Kind[] = ["Pod", "Service", "Deployment", "ReplicaSet"];

/**
 * Resolves what the user typed (`svc`, `Services`, `deployments.apps`,
 * `deploy`) to a resource type, as kubectl's RESTMapper does.
 */
export function resolveResource(text: string): ResourceType | undefined {
  const lower = text.toLowerCase();
  for (const t of TYPES) {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (names.includes(lower)) return t;
    if (t.group && (lower === `${t.plural}.${t.group}` || lower === `${t.singular}.${t.group}`)) return t;
  }
  return undefined;
}

/** Every resource type kubectl's discovery lists here, in discovery order. */
export function allResourceTypes(): readonly ResourceType[] {
  return TYPES;
}

export function resourceForKind(kind: Kind): ResourceType | undefined {
  return TYPES.find((t) => t.kind === kind);
}

/** `services`, `deployments.apps`: how API errors name a resource. */
export function groupResource(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `service`, `deployment.apps`: how `-o name` and action messages name a kind. */
export function kindPrefix(t: ResourceType): string {
  const kind = t.kind.toLowerCase();
  return t.group ? `${kind}.${t.group}` : kind;
}

export function unknownResourceType(text: string): string {
  return `error: the server doesn't have a resource type "${text}"\n`;
}
