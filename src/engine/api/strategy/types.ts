/**
 * A kind's write path in the API server, as upstream's per-kind `rest.RESTCreateStrategy` /
 * `RESTUpdateStrategy` (pkg/registry/<group>/<kind>/strategy.go): defaulting, what an update
 * carries over, allocation, validation, and what deletion releases.
 */
import type { Cluster } from "../../cluster";
import type { ErrorContext } from "../errors";
import type { AllocationTxn, ServiceAllocator } from "../serviceAlloc";
import type { Kind, KindMap } from "../types";
import type { FieldError } from "../validation/field";
import type { ValidationOptions } from "../validation/validate";

/** What a strategy may use besides the object. */
export interface StrategyContext {
  cluster: Cluster;
  alloc: ServiceAllocator;
}

export interface Strategy<K extends Kind> {
  /** Defaulting (`SetDefaults_*`) and what admission adds, in place, before validation. */
  default?(obj: KindMap[K], cluster: Cluster): void;
  /** Admission on create (the plugins that change or refuse a new object); throws ApiStatusError. */
  admit?(obj: KindMap[K], cluster: Cluster, ctx?: ErrorContext): void;
  /** `PrepareForUpdate`: what the client does not own, carried from the stored object. */
  prepareForUpdate?(obj: KindMap[K], old: KindMap[K]): void;
  /** Allocation before validation (a Service's ClusterIPs and NodePorts), undone on refusal. */
  allocate?(obj: KindMap[K], old: KindMap[K] | undefined, ctx: StrategyContext): AllocationTxn;
  /** `Validate`: the causes of an Invalid status (the name's check alone when absent). */
  validate?(obj: KindMap[K], opts: ValidationOptions): FieldError[];
  /** `ValidateUpdate`: the update-only checks, before `validate`. */
  validateUpdate?(obj: KindMap[K], old: KindMap[K], cluster: Cluster): FieldError[];
  /** `metadata.generation` counts spec changes. */
  tracksGeneration?: boolean;
  /** The one name the object is stored under (kubeadm keeps its config in these ConfigMaps). */
  singletonName?: string;
  /** Configures the cluster: checked and applied by the ConfigCoordinator. */
  configures?: boolean;
  /** May be created in a namespace that does not exist (yet). */
  namespaceOptional?: boolean;
  /** Deletion is graceful: the object is marked and removed when its grace period ends. */
  gracefulDeletion?: boolean;
  /** Deleting it deletes every namespaced object in it. */
  ownsNamespace?: boolean;
  /** After the object is gone from the store (a Service's addresses go back to the pool). */
  afterDelete?(obj: KindMap[K], ctx: StrategyContext): void;
}
