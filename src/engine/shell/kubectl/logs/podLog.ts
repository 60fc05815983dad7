/**
 * `GET /api/v1/namespaces/NS/pods/NAME/log`: what the API server and the
 * kubelet answer for one container — the runtime's log lines, cut by
 * `sinceTime`/`sinceSeconds`, `tailLines` and `limitBytes`, stamped with
 * `timestamps` — or the Status error they refuse with.
 */
import type { Pod } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { containerLog } from "../../../workloads/containerLog";
import { rfc3339Nano } from "../../../workloads/logs";

/** `corev1.PodLogOptions`, with times in ms. */
export interface PodLogOptions {
  container: string;
  previous?: boolean;
  timestamps?: boolean;
  tailLines?: number;
  limitBytes?: number;
  sinceSeconds?: number;
  sinceTimeMs?: number;
}

/** The log text, or the `Error from server (…)` line kubectl prints for the refusal. */
export type PodLogReply = { body: string } | { error: string };

const badRequest = (message: string): PodLogReply => ({
  error: `Error from server (BadRequest): ${message}`,
});

/** The log of one container of a pod, as the kubelet streams it. */
export function podLog(cluster: Cluster, pod: Pod, opts: PodLogOptions): PodLogReply {
  const name = pod.metadata.name;
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map(
    (c) => c.name,
  );
  if (!containers.includes(opts.container))
    return badRequest(`container ${opts.container} is not valid for pod ${name}`);
  // A pod no node has taken has no kubelet to ask: the API server answers with an empty stream.
  if (!pod.spec?.nodeName) return { body: "" };
  const node = cluster.store.get("Node", undefined, pod.spec.nodeName);
  if (!node) return { error: `Error from server (NotFound): nodes "${pod.spec.nodeName}" not found` };
  const status = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ].find((s) => s.name === opts.container);
  if (opts.previous) {
    if (!status?.lastState?.terminated)
      return badRequest(`previous terminated container "${opts.container}" in pod "${name}" not found`);
    return { body: "" };
  }
  const waiting = status?.state?.waiting;
  if (!status || waiting)
    return badRequest(
      `container "${opts.container}" in pod "${name}" is waiting to start: ${waiting?.reason ?? "ContainerCreating"}`,
    );
  let entries = containerLog(cluster.logs, pod, opts.container, node);
  const since =
    opts.sinceTimeMs ??
    (opts.sinceSeconds !== undefined ? cluster.clock.now() - opts.sinceSeconds * 1000 : undefined);
  if (since !== undefined) entries = entries.filter((e) => e.ms >= since);
  if (opts.tailLines !== undefined && opts.tailLines >= 0)
    entries = opts.tailLines === 0 ? [] : entries.slice(-opts.tailLines);
  let body = entries
    .map((e) => `${opts.timestamps ? `${rfc3339Nano(e.ms, e.ns)} ` : ""}${e.text}\n`)
    .join("");
  if (opts.limitBytes !== undefined) body = cutBytes(body, opts.limitBytes);
  return { body };
}

/** The first `n` bytes of a UTF-8 text (a character the cut would split is left out). */
function cutBytes(text: string, n: number): string {
  let used = 0;
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (used + size > n) break;
    used += size;
    out += ch;
  }
  return out;
}
