/**
 * The facade's safety net. Every call that may change the simulation is recorded; when a call
 * hits a bug inside the engine (an exception that is not an API refusal), the simulation is
 * rebuilt by replaying the record up to that call — the engine is deterministic, so the rebuilt
 * state is the state before the call, byte for byte — and the call answers with an error instead.
 */
import type { IpvsScheduler, ProxyMode } from "./api/configTypes";
import type { ApiError, ManifestDocument } from "./api/contract";
import type { Cluster } from "./cluster";
import type { SendRequest } from "./net/contract";
import { TRACE_VERSION } from "./net/hopWalk";
import { english, say } from "./net/messages";
import type { Trace } from "./net/types";
import type { TopologyView } from "./view/topology";

/** A document as recorded: its object and where it came from (no YAML nodes kept). */
export type RecordedDocument = Pick<ManifestDocument, "object" | "source">;

/** One state-changing call, as the journal replays it. */
export type Operation =
  | { type: "boot"; config: RecordedDocument[]; nodes: RecordedDocument[] }
  /** A cluster dump imported in place of the cluster (`Simulation.importCluster`). */
  | { type: "import"; name: string; text: string }
  | { type: "apply"; doc: RecordedDocument }
  /** The end of an `apply` call: the cluster is no longer a fresh one. */
  | { type: "applied" }
  | { type: "run"; line: string }
  | { type: "send"; request: SendRequest }
  | { type: "burst"; request: SendRequest; count: number }
  | { type: "setProxyMode"; mode: ProxyMode; scheduler?: IpvsScheduler }
  | { type: "setPodReady"; namespace: string; name: string; ready: boolean }
  | { type: "advanceClock"; ms: number }
  | { type: "writeFile"; path: string; text: string };

/** A document without its YAML locator (the journal keeps plain data only). */
export function recorded(doc: ManifestDocument): RecordedDocument {
  return { object: doc.object, source: doc.source };
}

/** What a thrown value says. */
export function describeFailure(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/**
 * The API server's 500, as kubectl prints it:
 * `Error from server (InternalError): error when creating "web.yaml": Internal error occurred: ...`.
 */
export function internalError(e: unknown, doc?: RecordedDocument): ApiError {
  const where = doc ? `error when creating "${doc.source.file}": ` : "";
  return {
    reason: "InternalError",
    message: `Error from server (InternalError): ${where}Internal error occurred: ${describeFailure(e)} (a bug in Packetwalk's engine: nothing was changed)`,
    ...(doc ? { source: doc.source } : {}),
  };
}

/** The answer to a packet that hit an engine bug: nothing was sent. */
export function failedTrace(request: SendRequest, mode: ProxyMode, e: unknown): Trace {
  const says = say("trace.internalError", { reason: describeFailure(e) });
  return {
    version: TRACE_VERSION,
    mode,
    source: { ip: "0.0.0.0" },
    target: request.target,
    hops: [],
    verdict: "dropped",
    cost: { rulesEvaluated: 0, lookups: 0 },
    message: english(says),
    says,
  };
}

/** A view with the cluster's settings and nothing drawn, for when no view could be built. */
export function emptyView(cluster: Cluster): TopologyView {
  const c = cluster.config;
  return {
    revision: cluster.store.resourceVersion,
    proxyMode: c.proxyMode,
    ipvsScheduler: c.ipvsScheduler,
    kubernetesVersion: c.kubernetesVersion,
    serviceSubnet: c.serviceSubnet,
    podSubnet: c.podSubnet,
    nodes: [],
    pods: [],
    services: [],
  };
}
