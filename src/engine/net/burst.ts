/**
 * A burst of connections and what the proxy mode promises for it: the
 * counts are measured by sending real connections; the promise is what
 * the mode's selection rule says each backend should get.
 */
import type { IpvsScheduler, ProxyMode } from "../api/configTypes";
import type { Service } from "../api/types";
import type { Cluster } from "../cluster";
import type { Net, SendRequest } from "./contract";
import type { Trace } from "./types";

/** Traces a burst returns for animation; the tally covers every connection. */
export const BURST_TRACES = 50;

/**
 * Sends `count` connections of `request`: the first `BURST_TRACES` as traces
 * to show (hops with their rules, no walk), the rest counted only (backend,
 * cost and rewrites; no rule listed). Every connection changes the same state.
 */
export function sendBurst(net: Net, request: SendRequest, count: number): Trace[] {
  const traces: Trace[] = [];
  for (let i = 0; i < count; i++)
    traces.push(net.send(request, i < BURST_TRACES ? { walk: false } : { countsOnly: true }));
  return traces;
}

/** How the mode picks a backend, for the promise's explanation. */
export type SelectionRule =
  | "random" // iptables `statistic --mode random`, nftables `numgen random`
  | "affinity" // ClientIP session affinity: one client, one backend
  | "rr"
  | "wrr"
  | "least-connection" // lc, wlc, sed, nq with equal weights: open connections spread evenly
  | "locality" // lblc, lblcr: by destination, until overloaded
  | "source-hash"
  | "destination-hash"
  | "maglev";

export interface BurstResult {
  count: number;
  received: { pod: string; ip: string; count: number }[];
  /** Connections that reached no backend (rejected, dropped, timed out). */
  failed: number;
  /** Each candidate backend's promised share of the burst (sums to 1). */
  promised: { pod: string; ip: string; share: number }[];
  rule: SelectionRule;
  mode: ProxyMode;
  scheduler?: IpvsScheduler;
}

/** Tallies traces by backend and states what the mode promises for the Service they went to. */
export function summarizeBurst(cluster: Cluster, traces: Trace[]): BurstResult {
  const { proxyMode: mode, ipvsScheduler: scheduler } = cluster.config;
  const counts = new Map<string, { pod: string; ip: string; count: number }>();
  let failed = 0;
  for (const t of traces) {
    if (!t.backend) {
      failed++;
      continue;
    }
    const key = `${t.backend.namespace}/${t.backend.pod}`;
    const entry = counts.get(key) ?? { pod: key, ip: t.backend.ip, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  // The first trace that went through a Service names it (each lookup scans the Services).
  let service: Service | undefined;
  for (let i = 0; i < traces.length && !service; i++) service = serviceOf(cluster, traces[i]!);
  const candidates = service
    ? readyBackends(cluster, service)
    : [...counts.values()].map(({ pod, ip }) => ({ pod, ip }));
  const affinity = service?.spec?.sessionAffinity === "ClientIP";
  const rule = selectionRule(mode, scheduler, affinity);
  const sameClient = new Set(traces.map((t) => t.source.ip)).size === 1;
  // One client and a rule keyed on the client (or on the one destination) sends everything to one backend.
  const concentrated =
    (rule === "affinity" || rule === "source-hash" || rule === "destination-hash" || rule === "locality") &&
    sameClient;
  const first = traces.find((t) => t.backend)?.backend;
  const promised = candidates.map((c) => ({
    ...c,
    share:
      candidates.length === 0
        ? 0
        : concentrated
          ? first && c.ip === first.ip
            ? 1
            : 0
          : 1 / candidates.length,
  }));
  return {
    count: traces.length,
    received: [...counts.values()].sort((a, b) => a.pod.localeCompare(b.pod)),
    failed,
    promised,
    rule,
    mode,
    ...(mode === "ipvs" ? { scheduler } : {}),
  };
}

function selectionRule(mode: ProxyMode, scheduler: IpvsScheduler, affinity: boolean): SelectionRule {
  if (affinity) return "affinity";
  if (mode !== "ipvs") return "random";
  switch (scheduler) {
    case "rr":
    case "wrr":
      return scheduler;
    case "lc":
    case "wlc":
    case "sed":
    case "nq":
      return "least-connection";
    case "lblc":
    case "lblcr":
      return "locality";
    case "sh":
      return "source-hash";
    case "dh":
      return "destination-hash";
    case "mh":
      return "maglev";
  }
}

/** The Service a trace went through: the one owning the first DNAT's original destination. */
function serviceOf(cluster: Cluster, trace: Trace): Service | undefined {
  const dnat = trace.hops.find(
    (h) => h.direction === "request" && (h.rewrite?.type === "DNAT" || h.rewrite?.type === "IPVS-NAT"),
  )?.rewrite;
  if (!dnat) return undefined;
  const { ip, port } = dnat.before;
  return cluster.store.list("Service").find((s) => {
    const spec = s.spec ?? {};
    const ports = spec.ports ?? [];
    const vips = [
      ...(spec.clusterIPs ?? []),
      ...(spec.externalIPs ?? []),
      ...(s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? ""),
    ];
    return ports.some((p) => (vips.includes(ip) && p.port === port) || p.nodePort === port);
  });
}

function readyBackends(cluster: Cluster, service: Service): { pod: string; ip: string }[] {
  const ns = service.metadata.namespace ?? "default";
  const seen = new Map<string, { pod: string; ip: string }>();
  for (const slice of cluster.store.list("EndpointSlice", ns)) {
    if (slice.metadata.labels?.["kubernetes.io/service-name"] !== service.metadata.name) continue;
    for (const e of slice.endpoints ?? []) {
      if (e.conditions?.ready === false) continue;
      const ip = e.addresses[0] ?? "";
      seen.set(ip, {
        pod: e.targetRef?.name ? `${e.targetRef.namespace ?? ns}/${e.targetRef.name}` : ip,
        ip,
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.pod.localeCompare(b.pod));
}
