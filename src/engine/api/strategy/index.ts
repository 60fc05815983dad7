/**
 * Every kind's write path, typed over every `Kind`: a kind added to `KindMap` does not compile
 * until it has a strategy here (an empty one gives the name check alone).
 */
import { admitPod, keepAdmittedFields } from "../admission";
import {
  defaultDeployment,
  defaultEndpoints,
  defaultNamespace,
  defaultPod,
  defaultReplicaSet,
  defaultService,
} from "../defaults";
import { dropTypeDependentFields, patchAllocatedValues } from "../servicePatch";
import type { Kind, KindMap } from "../types";
import { validateEndpointSlice, validateEndpoints } from "../validation/endpoints";
import type { FieldError } from "../validation/field";
import { validateObjectName } from "../validation/names";
import { validateService, validateServiceUpdate } from "../validation/service";
import { validateDeployment, validatePod, validateReplicaSet } from "../validation/workloads";
import type { Strategy } from "./types";

export type { Strategy, StrategyContext } from "./types";

/** The name's check first, then the kind's own (as the kinds without a name check of their own do it). */
function withName(obj: { metadata: { name: string } }, errs: FieldError[]): FieldError[] {
  return [...validateObjectName(obj.metadata.name, "DNS1123Subdomain"), ...errs];
}

const STRATEGIES: { readonly [K in Kind]: Strategy<K> } = {
  Namespace: { default: defaultNamespace, ownsNamespace: true },
  Node: {},
  Pod: {
    default: (pod) => defaultPod(pod),
    admit: (pod, cluster, ctx) => admitPod(pod, cluster.clock.now(), ctx),
    prepareForUpdate: keepAdmittedFields,
    validate: validatePod,
    gracefulDeletion: true,
  },
  Service: {
    default: defaultService,
    prepareForUpdate(svc, old) {
      patchAllocatedValues(svc, old);
      dropTypeDependentFields(svc, old);
      const spec = svc.spec ?? {};
      if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    },
    allocate: (svc, old, ctx) => ctx.alloc.allocate(svc, old),
    validate: validateService,
    validateUpdate: (svc, old, cluster) => validateServiceUpdate(svc, old, !cluster.atLeast(1, 20)),
    afterDelete: (svc, ctx) => ctx.alloc.release(svc),
  },
  Endpoints: { default: defaultEndpoints, validate: (ep) => withName(ep, validateEndpoints(ep)) },
  ConfigMap: {},
  Deployment: { default: (d) => defaultDeployment(d), validate: validateDeployment, tracksGeneration: true },
  ReplicaSet: {
    default: (rs) => defaultReplicaSet(rs),
    validate: validateReplicaSet,
    tracksGeneration: true,
  },
  EndpointSlice: { validate: (slice, opts) => withName(slice, validateEndpointSlice(slice, opts.strictIPs)) },
  Lease: {},
  // NOTE: MetalLB's pools live in metallb-system; the simulated cluster does not create that
  // namespace, so a pool is accepted without it (a real cluster would say the namespace is not found).
  IPAddressPool: { configures: true, namespaceOptional: true },
  ClusterConfiguration: { singletonName: "kubeadm-config", configures: true },
  KubeletConfiguration: { singletonName: "kubelet-config", configures: true },
  KubeProxyConfiguration: { singletonName: "kube-proxy", configures: true },
};

/** A kind's strategy, typed for that kind. */
export function strategyFor<K extends Kind>(kind: K): Strategy<K> {
  return STRATEGIES[kind];
}

/** Views an object of a kind known only at run time as that kind's (the one place a kind is asserted). */
export function asKind<K extends Kind>(_kind: K, obj: unknown): KindMap[K] {
  return obj as KindMap[K];
}
