/**
 * "Why does this Service have no endpoints?" — answered from the objects the EndpointSlice
 * controller reads, by the rules it follows (`endpointPorts.ts`): which pods its selector picks in
 * its namespace, which of them can be endpoints at all, on which ports, and which are ready.
 */
import type { EndpointSlice, Pod, Service } from "../../api/types";
import { portKeys, sliceServes } from "../../proxy/endpoints";
import { isPodReady, matchesSelector } from "../objects";
import { endpointPorts, shouldPodBeInEndpoints } from "./endpointPorts";
import { LABEL_SERVICE_NAME } from "./sliceMeta";

/** Nearest label sets listed at most, and pods named at most per list. */
const NEAREST = 3;
const PODS_NAMED = 5;

/** A selector key the nearest pods do not satisfy: what they carry under it instead, if anything. */
export interface LabelMiss {
  key: string;
  want: string;
  /** The pods' value for the key; absent when they do not carry it. */
  have?: string;
}

/** Pods in the Service's namespace that carry the same labels and miss the selector the same way. */
export interface NearMatch {
  labels: Record<string, string>;
  /** Selector pairs these pods satisfy, out of the selector's. */
  matched: number;
  misses: LabelMiss[];
  pods: string[];
  podCount: number;
}

/** A pod the selector picks that is not a ready endpoint, and what it is. */
export interface PodState {
  name: string;
  phase: string;
  ready: boolean;
  /** Pods without an address (not yet scheduled or started) cannot be endpoints. */
  ip?: string;
  terminating: boolean;
}

/** A Service port whose named targetPort no selected pod declares. */
export interface PortMiss {
  port: number;
  name?: string;
  protocol: string;
  targetPort: string;
}

/** The answer, most basic cause first. */
export type NoEndpointsAnswer =
  | { reason: "NotFound" }
  /** ExternalName Services are a DNS alias: they never have endpoints. */
  | { reason: "ExternalName" }
  /** Endpoints exist (ready ones counted); nothing to explain. */
  | { reason: "HasEndpoints"; ready: number; total: number }
  /**
   * No selector: the EndpointSlice controller leaves the Service alone, its endpoints are the
   * EndpointSlices someone wrote (labelled `kubernetes.io/service-name`): `slices` of them exist.
   */
  | { reason: "NoSelector"; slices: number }
  /** No pod in the namespace carries the selector's labels. */
  | {
      reason: "NoMatchingPods";
      selector: Record<string, string>;
      nearest: NearMatch[];
      /** Namespaces where pods do match (a Service selects only in its own). */
      elsewhere: { namespace: string; pods: number }[];
    }
  /** Pods match, but none has an address and is running (pending, finished or terminating). */
  | { reason: "PodsNotRunning"; pods: PodState[]; podCount: number }
  /** Pods match, but none declares a port the Service's named targetPorts ask for. */
  | { reason: "PortNotFound"; ports: PortMiss[]; declared: string[]; pods: string[]; podCount: number }
  /** Pods match and carry the ports, but none is ready (their endpoints are not ready). */
  | { reason: "PodsNotReady"; pods: PodState[]; podCount: number }
  /** Pods qualify as endpoints; the Service's slices have not caught up (or were imported so). */
  | { reason: "SlicesBehind"; pods: string[]; podCount: number };

/** The objects an answer is read from. */
export interface EndpointsInputs {
  service: Service | undefined;
  /** Every pod of the cluster (pods in other namespaces are told about, never selected). */
  pods: readonly Pod[];
  /** The Service namespace's EndpointSlices. */
  slices: readonly EndpointSlice[];
  /**
   * One of the Service's ports, by name ("" for an unnamed one): why that port has no endpoints,
   * as a packet sent to it asks. Without it, the Service as a whole.
   */
  port?: string;
}

function nameOf(p: Pod): string {
  return p.metadata.name;
}

function stateOf(p: Pod): PodState {
  return {
    name: p.metadata.name,
    phase: p.status?.phase ?? "Pending",
    ready: isPodReady(p),
    ...(p.status?.podIP ? { ip: p.status.podIP } : {}),
    terminating: Boolean(p.metadata.deletionTimestamp),
  };
}

/** The Service's ports asked about: all of them, or the one named. */
function askedPorts(service: Service, port: string | undefined) {
  const ports = service.spec?.ports ?? [];
  return port === undefined ? ports : ports.filter((p) => (p.name ?? "") === port);
}

/**
 * Endpoints the Service's slices list for the ports asked about, and how many are ready: only
 * slices carrying one of those ports, as kube-proxy reads them (`sliceServes`). A slice without
 * such a port (pods whose named targetPort did not resolve land in a slice with no ports) gives
 * kube-proxy nothing to send to.
 */
function sliceEndpoints(service: Service, slices: readonly EndpointSlice[], port: string | undefined) {
  const keys = portKeys(askedPorts(service, port));
  // A port name the Service does not have: no slice serves it.
  const unknownPort = port !== undefined && keys.length === 0;
  let total = 0;
  let ready = 0;
  let count = 0;
  for (const s of slices) {
    if (s.metadata.labels?.[LABEL_SERVICE_NAME] !== service.metadata.name) continue;
    count++;
    if (unknownPort || !sliceServes(s, keys)) continue;
    for (const e of s.endpoints ?? []) {
      total++;
      if (e.conditions?.ready !== false) ready++;
    }
  }
  return { total, ready, count };
}

/** Levenshtein distance, for ordering near misses (`web` vs `webb` before `web` vs `api`). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The label sets in the namespace closest to the selector: most pairs satisfied, then smallest typo. */
function nearest(selector: Record<string, string>, pods: readonly Pod[]): NearMatch[] {
  const groups = new Map<string, NearMatch & { cost: number }>();
  for (const p of pods) {
    const labels = p.metadata.labels ?? {};
    const key = JSON.stringify(Object.entries(labels).sort());
    const known = groups.get(key);
    if (known) {
      known.podCount++;
      if (known.pods.length < PODS_NAMED) known.pods.push(nameOf(p));
      continue;
    }
    const misses: LabelMiss[] = [];
    let cost = 0;
    for (const [k, want] of Object.entries(selector)) {
      const have = labels[k];
      if (have === want) continue;
      misses.push(have === undefined ? { key: k, want } : { key: k, want, have });
      cost += have === undefined ? want.length + k.length : distance(want, have);
    }
    const matched = Object.keys(selector).length - misses.length;
    groups.set(key, { labels, matched, misses, pods: [nameOf(p)], podCount: 1, cost });
  }
  return [...groups.values()]
    .filter((g) => g.matched > 0 || g.misses.some((m) => m.have !== undefined))
    .sort((a, b) => b.matched - a.matched || a.cost - b.cost || b.podCount - a.podCount)
    .slice(0, NEAREST)
    .map(({ cost: _, ...g }) => g);
}

/**
 * Why a Service has no endpoints, following the EndpointSlice controller's rules: no selector
 * (manual slices), no pod with its labels in its namespace (with the nearest label sets, and the
 * namespaces where pods do match), matching pods that are not running, that declare none of the
 * named target ports, or that are not ready — for the whole Service, or the one port `inputs.port`
 * names. Pure: reads the objects given, changes nothing.
 */
export function whyNoEndpoints(inputs: EndpointsInputs): NoEndpointsAnswer {
  const { service, pods, slices, port } = inputs;
  if (!service) return { reason: "NotFound" };
  if (service.spec?.type === "ExternalName") return { reason: "ExternalName" };
  const listed = sliceEndpoints(service, slices, port);
  if (listed.ready > 0) return { reason: "HasEndpoints", ready: listed.ready, total: listed.total };
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return { reason: "NoSelector", slices: listed.count };
  const namespace = service.metadata.namespace ?? "default";
  const local = pods.filter((p) => (p.metadata.namespace ?? "default") === namespace);
  const matching = local.filter((p) => matchesSelector(selector, p.metadata.labels));
  if (matching.length === 0) {
    const elsewhere = new Map<string, number>();
    for (const p of pods) {
      const ns = p.metadata.namespace ?? "default";
      if (ns !== namespace && matchesSelector(selector, p.metadata.labels))
        elsewhere.set(ns, (elsewhere.get(ns) ?? 0) + 1);
    }
    return {
      reason: "NoMatchingPods",
      selector,
      nearest: nearest(selector, local),
      elsewhere: [...elsewhere].sort().map(([ns, n]) => ({ namespace: ns, pods: n })),
    };
  }
  const publish = service.spec?.publishNotReadyAddresses === true;
  const running = matching.filter((p) => shouldPodBeInEndpoints(p, publish));
  if (running.length === 0)
    return {
      reason: "PodsNotRunning",
      pods: matching.slice(0, PODS_NAMED).map(stateOf),
      podCount: matching.length,
    };
  const asked = askedPorts(service, port);
  const names = new Set(asked.map((p) => p.name ?? ""));
  const serving = running.filter(
    (p) => endpointPorts(service, p).some((r) => names.has(r.name)) || asked.length === 0,
  );
  if (serving.length === 0) {
    const declared = new Set<string>();
    for (const p of running)
      for (const c of p.spec?.containers ?? [])
        for (const port of c.ports ?? [])
          declared.add(
            port.name
              ? `${port.name} (${port.containerPort}/${port.protocol ?? "TCP"})`
              : `${port.containerPort}/${port.protocol ?? "TCP"}`,
          );
    const ports: PortMiss[] = asked.flatMap((sp) =>
      typeof sp.targetPort === "string"
        ? [
            {
              port: sp.port,
              ...(sp.name ? { name: sp.name } : {}),
              protocol: sp.protocol ?? "TCP",
              targetPort: sp.targetPort,
            },
          ]
        : [],
    );
    return {
      reason: "PortNotFound",
      ports,
      declared: [...declared].sort(),
      pods: running.slice(0, PODS_NAMED).map(nameOf),
      podCount: running.length,
    };
  }
  const ready = serving.filter((p) => publish || isPodReady(p));
  if (ready.length === 0)
    return {
      reason: "PodsNotReady",
      pods: serving.slice(0, PODS_NAMED).map(stateOf),
      podCount: serving.length,
    };
  return { reason: "SlicesBehind", pods: ready.slice(0, PODS_NAMED).map(nameOf), podCount: ready.length };
}
