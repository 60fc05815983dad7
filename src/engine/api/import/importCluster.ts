/**
 * A cluster built from a dump — what `kubectl get nodes,pods,services,endpointslices,configmaps -A
 * -o yaml` (or `-o json`) printed — keeping what the real cluster assigned: objects are decoded as
 * the API server decodes them and stored as they are (pod IPs, podCIDRs, ClusterIPs, NodePorts,
 * ingress IPs, EndpointSlices, status, uid and creationTimestamp), not created afresh. The
 * controllers then leave what the real ones did alone until something it depends on changes
 * (controllers/adoption.ts).
 */

import type { BootHost, SimulationParts } from "../../boot";
import { assembleParts } from "../../boot";
import { Cluster, defaultClusterConfig } from "../../cluster";
import { installControllers } from "../../controllers";
import { ApiServer } from "../apiserver";
import type { ApiError, ApiErrorReason, ManifestDocument } from "../contract";
import { ApiStatusError } from "../contract";
import { decodeForKind } from "../decode/admit";
import { KINDS, kindInfo, lookupKind } from "../kinds";
import type { AnyObject, Kind, KindMap } from "../types";
import { inconsistencies } from "./consistency";
import { declaredPortsNote } from "./declaredPorts";
import { type ImportProgressListener, progressReporter } from "./progress";
import { readDump } from "./read/dump";
import type { ImportNote, ImportReport } from "./report";
import { dumpSettings } from "./settings";

/** The namespaces every cluster has, made when the dump has no Namespace objects for them. */
const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** Kinds a dump's configuration comes from, not objects the simulated API server stores. */
const CONFIG_KINDS = new Set<Kind>([
  "ClusterConfiguration",
  "KubeletConfiguration",
  "KubeProxyConfiguration",
]);

function metaOf(o: Record<string, unknown>): { name?: unknown; namespace?: unknown } {
  const m = o.metadata;
  return typeof m === "object" && m !== null ? (m as { name?: unknown; namespace?: unknown }) : {};
}

function keyOf(kind: Kind, o: { metadata: { name: string; namespace?: string } }): string {
  return kindInfo(kind).namespaced
    ? `${o.metadata.namespace ?? "default"}/${o.metadata.name}`
    : o.metadata.name;
}

/** A refusal as kubectl words one for `file` (`Error from server (BadRequest): error when creating ...`). */
function refusal(
  reason: ApiErrorReason,
  file: string,
  message: string,
  doc: ManifestDocument,
  path?: readonly (string | number)[],
): ApiError {
  const source = (path && doc.locate?.(path)) || doc.source;
  return {
    reason,
    message: `Error from server (${reason}): error when creating "${file}": ${message}`,
    source,
  };
}

/**
 * Imports a dump into a fresh cluster. Returns undefined parts when the text cannot be read (the
 * caller keeps its cluster); otherwise every object that decodes is imported and the rest are
 * refused with their file and line. `onProgress` is told how far it is as it goes. Throws only
 * on an engine bug.
 */
export function importParts(
  seed: number,
  startTime: number,
  host: BootHost,
  text: string,
  file: string,
  onProgress?: ImportProgressListener,
): { parts: SimulationParts | undefined; report: ImportReport } {
  const progress = progressReporter(onProgress);
  progress("read", 0, text.length);
  const read = readDump(text, file, (chars) => progress("read", chars, text.length));
  progress("read", text.length, text.length);
  if (read.errors.length > 0 || read.documents.length === 0) {
    const errors: ApiError[] = read.errors.length
      ? read.errors
      : [
          {
            reason: "Parse",
            message: `error: no objects passed to import from ${file}`,
            source: { file, line: 1 },
          },
        ];
    return { parts: undefined, report: { imported: false, counts: [], notes: [], errors } };
  }
  const notes: ImportNote[] = [];
  const errors: ApiError[] = [];
  const served: { kind: Kind; doc: ManifestDocument }[] = [];
  const ignored = new Map<string, number>();
  for (const doc of read.documents) {
    const kind = lookupKind(doc.object.apiVersion, doc.object.kind);
    if (kind && !CONFIG_KINDS.has(kind)) served.push({ kind, doc });
    else {
      const name = `${String(doc.object.kind)} (${String(doc.object.apiVersion)})`;
      ignored.set(name, (ignored.get(name) ?? 0) + 1);
    }
  }
  const settings = dumpSettings(served.map((s) => s.doc));
  notes.push(...settings.notes);
  for (const [name, n] of ignored) {
    notes.push({ type: "ignored", key: "importNote.kindIgnored", values: { n: String(n), kind: name } });
  }

  const cluster = new Cluster(seed, defaultClusterConfig(), settings.newest ?? startTime);
  if (settings.newest !== undefined) {
    notes.push({
      type: "assumed",
      key: "importNote.clock",
      values: { time: cluster.clock.iso() },
    });
  }
  const api = new ApiServer(cluster);
  for (const doc of settings.config) {
    try {
      api.apply(doc);
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      notes.push({
        type: "ignored",
        key: "importNote.configRefused",
        values: { message: e.status.message.replace(/\n$/, "") },
        source: e.status.source ?? doc.source,
      });
    }
  }

  const namespaces = new Set(SYSTEM_NAMESPACES);
  for (const { kind, doc } of served) {
    const ns = metaOf(doc.object).namespace;
    if (kindInfo(kind).namespaced && typeof ns === "string") namespaces.add(ns);
  }
  const given = new Set(served.filter((s) => s.kind === "Namespace").map((s) => metaOf(s.doc.object).name));
  for (const name of [...namespaces].sort()) {
    if (!given.has(name))
      api.create("Namespace", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  }

  const store = cluster.store;
  const counts = new Map<Kind, number>();
  for (const [i, { kind, doc }] of served.entries()) {
    progress("store", i, served.length);
    const decoded = decodeForKind(api.decodeSchema, kind, String(doc.object.apiVersion), doc.object);
    if (!decoded.ok) {
      const why =
        "badRequest" in decoded
          ? decoded.badRequest
          : decoded.invalid.map((f) => f.detail ?? f.field).join(", ");
      errors.push(refusal("BadRequest", file, why, doc, decoded.path));
      continue;
    }
    const object = decoded.object as unknown as KindMap[Kind] & AnyObject;
    const name = object.metadata?.name;
    if (typeof name !== "string" || name === "") {
      errors.push(refusal("Invalid", file, `${kind} has no metadata.name`, doc, ["metadata"]));
      continue;
    }
    if (kindInfo(kind).namespaced) object.metadata.namespace ??= "default";
    else delete object.metadata.namespace;
    const ns = object.metadata.namespace;
    const plural = kindInfo(kind).plural;
    const cap =
      kind === "Node"
        ? cluster.limits.nodes
        : kind === "Pod"
          ? cluster.limits.pods
          : cluster.limits.objectsPerKind;
    if (store.count(kind) >= cap) {
      const why = `${plural} "${name}" is forbidden: the cluster already has ${cap} ${plural}, as many as it may hold (Packetwalk's limit; see docs/emulation.md)`;
      errors.push(refusal("Forbidden", file, why, doc));
      continue;
    }
    if (store.get(kind, ns, name)) {
      const plural = kindInfo(kind).plural;
      errors.push(
        refusal("AlreadyExists", file, `${plural} "${name}" already exists`, doc, ["metadata", "name"]),
      );
      continue;
    }
    store.put(kind, object);
    store.setSource(kind, ns, name, doc.source);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    hold(cluster, kind, object);
  }
  progress("store", served.length, served.length);
  api.alloc.rebuild(store.list("Service"));
  notes.push(...inconsistencies(cluster));
  const declared = declaredPortsNote(cluster);
  if (declared) notes.push(declared);
  progress("settle", 0, 1);

  const controllers = installControllers(cluster);
  cluster.reconcile();
  cluster.adoption.settle();
  const parts = assembleParts(cluster, api, controllers, host);
  progress("settle", 1, 1);
  return {
    parts,
    report: {
      imported: true,
      counts: KINDS.filter((k) => counts.has(k.kind)).map((k) => ({
        kind: k.kind,
        count: counts.get(k.kind)!,
      })),
      notes,
      errors,
    },
  };
}

/** Tells the controller that owns what the real cluster did with `object` to leave it as imported. */
function hold(cluster: Cluster, kind: Kind, object: AnyObject): void {
  const a = cluster.adoption;
  const key = keyOf(kind, object);
  switch (kind) {
    case "Node":
      a.hold("nodeIpam", key);
      return;
    case "Pod": {
      const pod = object as KindMap["Pod"];
      if (pod.status?.phase) a.hold("kubelet", key);
      if (!pod.spec?.nodeName) a.hold("scheduler", key);
      return;
    }
    case "EndpointSlice": {
      const svc = object.metadata.labels?.["kubernetes.io/service-name"];
      if (!svc) return;
      const ns = object.metadata.namespace ?? "default";
      a.hold(
        ns === "default" && svc === "kubernetes" ? "apiserverEndpoints" : "endpointslice",
        `${ns}/${svc}`,
      );
      return;
    }
    case "Endpoints":
      a.hold(key === "default/kubernetes" ? "apiserverEndpoints" : "endpoints", key);
      return;
    case "ReplicaSet":
      a.hold("replicaset", key);
      return;
    case "Deployment":
      a.hold("deployment", key);
      return;
    default:
      return;
  }
}
