/**
 * The strategic-merge-patch metadata of Packetwalk's kinds: which lists merge (and by
 * which key) instead of being replaced, as the `patchStrategy`/`patchMergeKey` struct
 * tags of k8s.io/api (core/v1, apps/v1) and apimachinery's ObjectMeta declare them.
 * A field not listed here is replaced whole by a patch (lists) or merged key by key (maps).
 */
import type { Kind } from "../../../api/types";

/** One field's patch metadata; `fields` describes its value's own fields (a list's elements'). */
export interface PatchMeta {
  /** `merge`: lists merge; `retainKeys`: keys the patch leaves out are cleared. */
  strategy?: readonly ("merge" | "retainKeys")[];
  /** The field that identifies a list element (`name` for containers). */
  mergeKey?: string;
  fields?: Readonly<Record<string, PatchMeta>>;
}

const merge = (mergeKey?: string, fields?: Record<string, PatchMeta>): PatchMeta => ({
  strategy: ["merge"],
  ...(mergeKey ? { mergeKey } : {}),
  ...(fields ? { fields } : {}),
});
const CONDITIONS = merge("type");

const OBJECT_META: PatchMeta = { fields: { ownerReferences: merge("uid"), finalizers: merge() } };

const CONTAINER: Record<string, PatchMeta> = {
  ports: merge("containerPort"),
  env: merge("name"),
  volumeMounts: merge("mountPath"),
  volumeDevices: merge("devicePath"),
};

const POD_SPEC: PatchMeta = {
  fields: {
    volumes: { strategy: ["merge", "retainKeys"], mergeKey: "name" },
    initContainers: merge("name", CONTAINER),
    containers: merge("name", CONTAINER),
    ephemeralContainers: merge("name", CONTAINER),
    imagePullSecrets: merge("name"),
    hostAliases: merge("ip"),
    topologySpreadConstraints: merge("topologyKey"),
    schedulingGates: merge("name"),
    resourceClaims: { strategy: ["merge", "retainKeys"], mergeKey: "name" },
  },
};

const POD_STATUS: PatchMeta = {
  fields: {
    conditions: CONDITIONS,
    podIPs: merge("ip"),
    hostIPs: merge("ip"),
    containerStatuses: {
      fields: { volumeMounts: merge("mountPath"), allocatedResourcesStatus: merge("name") },
    },
  },
};

const TEMPLATE: PatchMeta = { fields: { metadata: OBJECT_META, spec: POD_SPEC } };
const WITH_CONDITIONS: PatchMeta = { fields: { conditions: CONDITIONS } };

const KINDS: Partial<Record<Kind, PatchMeta>> = {
  Pod: { fields: { metadata: OBJECT_META, spec: POD_SPEC, status: POD_STATUS } },
  Deployment: {
    fields: {
      metadata: OBJECT_META,
      spec: { fields: { template: TEMPLATE, strategy: { strategy: ["retainKeys"] } } },
      status: WITH_CONDITIONS,
    },
  },
  ReplicaSet: {
    fields: { metadata: OBJECT_META, spec: { fields: { template: TEMPLATE } }, status: WITH_CONDITIONS },
  },
  Service: {
    fields: { metadata: OBJECT_META, spec: { fields: { ports: merge("port") } }, status: WITH_CONDITIONS },
  },
  Node: {
    fields: {
      metadata: OBJECT_META,
      spec: { fields: { podCIDRs: merge() } },
      status: { fields: { conditions: CONDITIONS, addresses: merge("type") } },
    },
  },
  Namespace: { fields: { metadata: OBJECT_META, status: WITH_CONDITIONS } },
};

/** The patch metadata of a kind's top-level object. */
export function patchMetaFor(kind: Kind): PatchMeta {
  return KINDS[kind] ?? { fields: { metadata: OBJECT_META } };
}
