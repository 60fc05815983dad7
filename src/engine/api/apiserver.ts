/**
 * The simulated kube-apiserver: defaulting, allocation, validation and
 * storage for every served kind, with the real refusals.
 */
import type { Cluster } from "../cluster";
import { randomSuffix } from "../util/names";
import { applyDocument, applyDocuments, applyManifestText } from "./apply";
import { ConfigCoordinator } from "./configChange";
import type { Api, ApiError, ApplyResult, DeleteOptions, ManifestDocument } from "./contract";
import { ApiStatusError } from "./contract";
import { DecodeSchema } from "./decode/schema";
import type { ErrorContext } from "./errors";
import { alreadyExists, badRequest, invalidError, notFound } from "./errors";
import { isNamespaced, kindInfo, NAMESPACED_KINDS } from "./kinds";
import { KubernetesEndpointsReconciler } from "./kubeEndpoints";
import { LoadBalancerController } from "./lbController";
import { checkLimits, PodDemand } from "./limits";
import { deepCopy, sameData } from "./objects";
import { ServiceAllocator } from "./serviceAlloc";
import { asKind, strategyFor } from "./strategy";
import { freshObjectMeta } from "./timestamps";
import type { AnyObject, Kind, KindMap, ObjectMeta, Pod } from "./types";
import { validateObjectName } from "./validation/names";
import { type ValidationOptions, withObjectMeta } from "./validation/validate";

/** Options for the internal write path. */
export interface WriteOptions {
  ctx?: ErrorContext;
  /** apply: keep the stored status and system metadata, report `unchanged` when nothing differs. */
  apply?: boolean;
}

/** A stored object seen loosely while it is being written. */
type Loose = { apiVersion?: string; kind?: string; metadata: ObjectMeta; spec?: unknown; status?: unknown };

export class ApiServer implements Api {
  readonly alloc: ServiceAllocator;
  /** The kinds' Go structs, for decoding what clients send. */
  readonly decodeSchema = new DecodeSchema();
  /** The pods the cluster's workloads ask for (the pod limit's measure). */
  private readonly podDemand: PodDemand;
  private readonly config: ConfigCoordinator;

  constructor(readonly cluster: Cluster) {
    this.alloc = new ServiceAllocator(cluster);
    this.alloc.rebuild(cluster.store.list("Service"));
    this.config = new ConfigCoordinator(cluster, this.alloc);
    this.podDemand = new PodDemand(cluster.store);
    cluster.addReconciler(new LoadBalancerController(cluster));
    cluster.addReconciler(new KubernetesEndpointsReconciler(cluster));
  }

  applyText(
    text: string,
    file: string,
    opts?: { namespace?: string },
  ): { results: ApplyResult[]; errors: ApiError[] } {
    return applyManifestText(this, text, file, opts);
  }

  apply(doc: ManifestDocument, opts?: { namespace?: string }): ApplyResult {
    return applyDocument(this, doc, opts);
  }

  /**
   * Applies parsed documents in order, reconciling once after the last
   * (refusals are collected per document, never thrown).
   */
  applyMany(
    docs: readonly ManifestDocument[],
    opts?: { namespace?: string },
  ): { results: ApplyResult[]; errors: ApiError[] } {
    return applyDocuments(this, docs, opts);
  }

  create<K extends Kind>(kind: K, object: Record<string, unknown>): KindMap[K] {
    const out = this.write(kind, object, undefined, {});
    this.cluster.reconcile();
    return out.object as KindMap[K];
  }

  update<K extends Kind>(kind: K, object: Record<string, unknown>): KindMap[K] {
    const meta = (object.metadata ?? {}) as Partial<ObjectMeta>;
    const ns = isNamespaced(kind) ? (meta.namespace ?? "default") : undefined;
    const name = this.nameFor(kind, meta);
    const old = this.cluster.store.get(kind, ns, name);
    if (!old) throw notFound(kind, name, ns);
    const out = this.write(kind, object, old, {});
    this.cluster.reconcile();
    return out.object as KindMap[K];
  }

  delete(kind: Kind, namespace: string | undefined, name: string, opts?: DeleteOptions): void {
    this.remove(kind, namespace, name, opts);
    this.cluster.reconcile();
  }

  /** The name an object is stored under (config kinds are singletons). */
  nameFor(kind: Kind, meta: Partial<ObjectMeta>): string {
    return strategyFor(kind).singletonName ?? meta.name ?? "";
  }

  /**
   * The write path shared by create, update and apply: the kind's strategy defaults, allocates
   * and validates, then the object is stored. Throws ApiStatusError and leaves nothing changed
   * when refused.
   */
  write<K extends Kind>(
    kind: K,
    raw: Record<string, unknown>,
    old: AnyObject | undefined,
    opts: WriteOptions,
  ): { object: AnyObject; changed: boolean } {
    const store = this.cluster.store;
    const strategy = strategyFor(kind);
    const obj = deepCopy(raw) as unknown as Loose;
    const rawMeta = (obj.metadata ?? {}) as Partial<ObjectMeta>;
    const meta: Partial<ObjectMeta> = { ...rawMeta };
    if (!meta.name && !strategy.singletonName && meta.generateName && !old) {
      meta.name = meta.generateName + randomSuffix(this.cluster.prng, 5);
    }
    meta.name = this.nameFor(kind, meta);
    if (isNamespaced(kind)) meta.namespace ??= "default";
    else delete meta.namespace;
    const ns = meta.namespace;
    const name = meta.name;
    obj.apiVersion ??= kindInfo(kind).apiVersions[0];
    obj.kind = kind;
    obj.metadata = meta as ObjectMeta;
    if (!old && isNamespaced(kind) && !strategy.namespaceOptional && ns && store.count("Namespace") > 0) {
      if (!store.get("Namespace", undefined, ns)) throw notFound("Namespace", ns, undefined, opts.ctx);
    }
    const typed = asKind(kind, obj);
    const previous = old === undefined ? undefined : asKind(kind, old);
    if (old) this.carryOver(kind, obj as unknown as AnyObject, old, opts.apply === true);
    strategy.default?.(typed, this.cluster);
    if (!previous) strategy.admit?.(typed, this.cluster, opts.ctx);
    else strategy.prepareForUpdate?.(typed, previous);
    const txn = strategy.allocate?.(typed, previous, { cluster: this.cluster, alloc: this.alloc });
    try {
      if (txn?.internal) throw badRequest(txn.internal, kind, name, opts.ctx);
      if (txn && txn.errors.length > 0)
        throw invalidError(this.cluster, kind, name, txn.errors, ns, opts.ctx);
      const vopts: ValidationOptions = { strictIPs: this.cluster.atLeast(1, 33) };
      const own = strategy.validate?.(typed, vopts) ?? validateObjectName(meta.name, kindInfo(kind).nameRule);
      const errs = [
        ...(previous ? (strategy.validateUpdate?.(typed, previous, this.cluster) ?? []) : []),
        ...withObjectMeta(own, typed.metadata),
      ];
      if (errs.length > 0) throw invalidError(this.cluster, kind, name, errs, ns, opts.ctx);
      if (!old && store.get(kind, ns, name)) throw alreadyExists(kind, name, ns, opts.ctx);
      checkLimits(this.cluster, this.podDemand, kind, typed, old, opts.ctx);
      if (old && sameData(stripVolatile(typed), stripVolatile(old))) {
        txn?.revert();
        return { object: old, changed: false };
      }
      if (strategy.configures) this.config.check(kind, typed, opts.ctx);
    } catch (e) {
      txn?.revert();
      throw e;
    }
    txn?.commit();
    if (!old) {
      obj.metadata = freshObjectMeta(this.cluster, meta as ObjectMeta & { name: string });
      if (strategy.tracksGeneration) obj.metadata.generation = 1;
    } else if (strategy.tracksGeneration && !sameData(obj.spec, (old as Loose).spec)) {
      obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    const stored = store.put(kind, typed);
    if (strategy.configures) this.config.apply();
    return { object: stored, changed: true };
  }

  /** Keeps what a client may not overwrite: system metadata, and (for apply) status and owner fields. */
  private carryOver(kind: Kind, obj: AnyObject, old: AnyObject, apply: boolean): void {
    const m = obj.metadata;
    const o = old.metadata;
    m.uid = o.uid;
    m.creationTimestamp = o.creationTimestamp;
    m.resourceVersion = o.resourceVersion;
    for (const k of ["generation", "deletionTimestamp", "deletionGracePeriodSeconds"] as const) {
      if (o[k] !== undefined) (m as unknown as Record<string, unknown>)[k] = o[k];
    }
    if (apply) {
      if (o.ownerReferences && !m.ownerReferences) m.ownerReferences = o.ownerReferences;
      if (o.finalizers && !m.finalizers) m.finalizers = o.finalizers;
    }
    const rec = obj as { status?: unknown };
    const oldStatus = (old as { status?: unknown }).status;
    if ((apply || rec.status === undefined) && oldStatus !== undefined) rec.status = deepCopy(oldStatus);
    if (kind === "Pod" && !apply && (obj as Pod).spec === undefined)
      (obj as Pod).spec = deepCopy((old as Pod).spec);
    // The scheduler's binding is not the client's to drop (apply's merge keeps it).
    const spec = (obj as Pod).spec;
    if (kind === "Pod" && spec && !spec.nodeName && (old as Pod).spec?.nodeName)
      spec.nodeName = (old as Pod).spec?.nodeName;
  }

  /** Deletion without the final reconcile (namespaces cascade through it). */
  remove(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    opts?: DeleteOptions,
    ctx?: ErrorContext,
  ): void {
    const store = this.cluster.store;
    const strategy = strategyFor(kind);
    const ns = isNamespaced(kind) ? (namespace ?? "default") : undefined;
    const obj = store.get(kind, ns, name);
    if (!obj) throw notFound(kind, name, ns, ctx);
    if (strategy.gracefulDeletion) {
      const pod = asKind("Pod", obj);
      const phase = pod.status?.phase;
      let grace = opts?.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      // Unscheduled and finished pods have no kubelet to wait for: they go at once.
      if (!pod.spec?.nodeName || phase === "Succeeded" || phase === "Failed") grace = 0;
      if (grace > 0) {
        if (pod.metadata.deletionTimestamp) return;
        const deletionTimestamp = this.cluster.clock.iso(this.cluster.clock.now() + grace * 1000);
        store.put(kind, {
          ...obj,
          metadata: { ...obj.metadata, deletionTimestamp, deletionGracePeriodSeconds: grace },
        });
        return;
      }
    }
    if (strategy.configures) this.config.check(kind, obj, ctx, true);
    if (strategy.ownsNamespace) this.removeNamespaceContents(name);
    store.remove(kind, ns, name);
    strategy.afterDelete?.(asKind(kind, obj), { cluster: this.cluster, alloc: this.alloc });
    if (strategy.configures) this.config.apply();
  }

  /**
   * NOTE: the real namespace controller deletes the contents and the Namespace
   * stays `Terminating` until they are gone; here pods are removed at once.
   */
  private removeNamespaceContents(ns: string): void {
    for (const kind of NAMESPACED_KINDS) {
      for (const o of this.cluster.store.list(kind, ns)) {
        this.remove(kind, ns, o.metadata.name, kind === "Pod" ? { gracePeriodSeconds: 0 } : undefined);
      }
    }
  }
}

/** The fields that decide whether a write changes anything. */
function stripVolatile(o: AnyObject): unknown {
  const { metadata, ...rest } = o as AnyObject & Record<string, unknown>;
  const { resourceVersion: _rv, ...meta } = metadata;
  return { ...rest, metadata: meta };
}

/** Re-exported for callers that catch refusals. */
export { ApiStatusError };
