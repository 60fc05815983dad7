/**
 * A dump made fit to share: what the simulation needs kept (names, labels, selectors, specs with
 * their assigned ClusterIPs and NodePorts, EndpointSlices, the addresses and readiness in status,
 * the configuration the importer reads), what a cluster's owner may not want to give away taken
 * out: annotations (`last-applied-configuration` holds whole objects), managed fields, the rest of
 * status (images, container IDs, messages), environment variable values, and the data of
 * ConfigMaps the importer does not read and of Secrets.
 */
import type { ApiError } from "../contract";
import { readDump } from "./read/dump";

/** The ConfigMaps the importer reads its settings from (kube-system's): their data stays. */
const SETTINGS_CONFIGMAPS = new Set([
  "kube-proxy",
  "kube-proxy-config",
  "kubeadm-config",
  "coredns",
  "kubelet-config",
]);

/** Per kind, the status fields the simulation reads; the rest of status goes. */
const STATUS_KEPT: Record<string, readonly string[]> = {
  Pod: ["phase", "conditions", "podIP", "podIPs", "hostIP", "hostIPs", "startTime"],
  Node: ["addresses", "conditions", "capacity", "allocatable"],
  Service: ["loadBalancer"],
};

/** What was taken out, counted per thing. */
export interface Redacted {
  annotations: number;
  managedFields: number;
  status: number;
  envValues: number;
  data: number;
}

export type RedactResult = { text: string; redacted: Redacted } | { errors: ApiError[] };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function redactObject(o: Obj, counts: Redacted): Obj {
  const out: Obj = { ...o };
  const kind = String(o.kind);
  if (isObj(o.metadata)) {
    const { annotations, managedFields, ...meta } = o.metadata;
    if (annotations !== undefined) counts.annotations++;
    if (managedFields !== undefined) counts.managedFields++;
    out.metadata = meta;
  }
  if (isObj(o.status)) {
    const kept = STATUS_KEPT[kind] ?? [];
    const status: Obj = {};
    for (const k of kept) if (o.status[k] !== undefined) status[k] = o.status[k];
    // A node's kubelet version says which Kubernetes the cluster runs.
    const version = isObj(o.status.nodeInfo) ? o.status.nodeInfo.kubeletVersion : undefined;
    if (kind === "Node" && version !== undefined) status.nodeInfo = { kubeletVersion: version };
    if (Object.keys(status).length < Object.keys(o.status).length) counts.status++;
    if (kept.length) out.status = status;
    else delete out.status;
  }
  if (kind === "Pod" && isObj(o.spec)) out.spec = redactPodSpec(o.spec, counts);
  if (isObj(o.spec) && isObj(o.spec.template) && isObj(o.spec.template.spec))
    out.spec = {
      ...o.spec,
      template: { ...o.spec.template, spec: redactPodSpec(o.spec.template.spec, counts) },
    };
  const meta = isObj(o.metadata) ? o.metadata : {};
  const settings =
    kind === "ConfigMap" && meta.namespace === "kube-system" && SETTINGS_CONFIGMAPS.has(String(meta.name));
  if ((kind === "ConfigMap" && !settings) || kind === "Secret") {
    for (const k of ["data", "binaryData", "stringData"]) {
      if (out[k] !== undefined) {
        delete out[k];
        counts.data++;
      }
    }
  }
  return out;
}

function redactPodSpec(spec: Obj, counts: Redacted): Obj {
  const containers = (list: unknown) =>
    Array.isArray(list)
      ? list.map((c) =>
          isObj(c) && Array.isArray(c.env)
            ? {
                ...c,
                env: c.env.map((e) => {
                  if (!isObj(e) || e.value === undefined) return e;
                  counts.envValues++;
                  const { value: _, ...rest } = e;
                  return rest;
                }),
              }
            : c,
        )
      : list;
  const out: Obj = { ...spec, containers: containers(spec.containers) };
  if (spec.initContainers !== undefined) out.initContainers = containers(spec.initContainers);
  if (spec.ephemeralContainers !== undefined) out.ephemeralContainers = containers(spec.ephemeralContainers);
  return out;
}

/**
 * `text` (a dump, YAML or JSON) without annotations, managed fields, the status the simulation
 * does not read, environment variable values and private data, as a `kind: List` in JSON (what
 * `kubectl get -o json` prints, and what `Simulation.importCluster` reads). A dump that cannot be
 * read gives its errors.
 */
export function redactDump(text: string, file: string): RedactResult {
  const read = readDump(text, file);
  if (read.errors.length > 0) return { errors: read.errors };
  const redacted: Redacted = { annotations: 0, managedFields: 0, status: 0, envValues: 0, data: 0 };
  const items = read.documents.map((d) => redactObject(d.object, redacted));
  return {
    text: JSON.stringify(
      { apiVersion: "v1", kind: "List", items, metadata: { resourceVersion: "" } },
      null,
      1,
    ),
    redacted,
  };
}
