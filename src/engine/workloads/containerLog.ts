/**
 * A running container's log, as its process writes it: the lines it prints
 * when it starts, then one or more lines per request it answers. The start
 * lines are written the first time anything reads or writes the log, stamped
 * with the container's start time, so they come first whatever happened since.
 */
import type { Node, Pod } from "../api/types";
import { type ContainerLogs, type LogEntry, logKey } from "./logs";
import { workloadFor } from "./registry";
import type { HttpRequest, HttpResponse, ServeContext, StartContext, Workload } from "./types";

/** When a container started (its running state's `startedAt`), or undefined while it has not. */
export function containerStartedMs(pod: Pod, container: string): number | undefined {
  const status = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ].find((s) => s.name === container);
  const started = status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt;
  const ms = started ? Date.parse(started) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function startContext(pod: Pod, node: Node | undefined, startedMs: number): StartContext {
  const cpus = Number.parseInt(String(node?.status?.capacity?.cpu ?? "1"), 10);
  return {
    podName: pod.metadata.name,
    startedMs,
    cpus: Number.isFinite(cpus) && cpus > 0 ? cpus : 1,
    kernelVersion: node?.status?.nodeInfo?.kernelVersion ?? "",
  };
}

/** Writes the start lines of a container's log if nothing has been written yet; returns its key. */
function started(
  logs: ContainerLogs,
  pod: Pod,
  container: string,
  node: Node | undefined,
): string | undefined {
  const spec = pod.spec?.containers?.find((c) => c.name === container);
  const startedMs = containerStartedMs(pod, container);
  if (!spec || startedMs === undefined) return undefined;
  const key = logKey(pod.metadata.uid ?? pod.metadata.name, container);
  if (logs.written(key) === 0) {
    const lines = workloadFor(spec).startupLog?.(startContext(pod, node, startedMs)) ?? [];
    logs.write(key, startedMs, lines);
  }
  return key;
}

/** A container's log, oldest line first; empty for a container that has not started. */
export function containerLog(
  logs: ContainerLogs,
  pod: Pod,
  container: string,
  node: Node | undefined,
): readonly LogEntry[] {
  const key = started(logs, pod, container, node);
  return key ? logs.read(key) : [];
}

/** The container of a pod that listens on a TCP port, and what runs in it. */
export function httpListener(pod: Pod, port: number): { container: string; workload: Workload } | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const workload = workloadFor(c);
    if (workload.listens(port, "TCP")) return { container: c.name, workload };
  }
  return undefined;
}

/** What a server is told about a request besides the request itself. */
export type Delivery = Omit<ServeContext, "podName" | "startedMs" | "connection">;

/**
 * Answers an HTTP request that reached a pod's port and writes what the server logs
 * for it. Undefined when nothing there speaks HTTP (the connection gets an empty reply).
 */
export function serveHttp(
  logs: ContainerLogs,
  pod: Pod,
  node: Node | undefined,
  req: HttpRequest,
  delivery: Delivery,
): HttpResponse | undefined {
  const listener = httpListener(pod, delivery.localPort);
  if (!listener?.workload.http) return undefined;
  const key = started(logs, pod, listener.container, node);
  const ctx: ServeContext = {
    ...delivery,
    podName: pod.metadata.name,
    startedMs: containerStartedMs(pod, listener.container) ?? delivery.nowMs,
    connection: key ? logs.nextConnection(key) : 1,
  };
  const res = listener.workload.http(req, ctx);
  if (key) logs.write(key, ctx.nowMs, listener.workload.requestLog?.(req, res, ctx) ?? []);
  return res;
}
