import type { Pod } from "../../../api/types";
import { humanDuration } from "../../../util/duration";

/** READY: `<ready containers>/<containers>`. */
export function podReady(pod: Pod): string {
  const total = pod.spec?.containers.length ?? 0;
  const ready = (pod.status?.containerStatuses ?? []).filter((s) => s.ready).length;
  return `${ready}/${total}`;
}

/** STATUS as `printPod` derives it: phase, then the most telling container reason. */
export function podStatusReason(pod: Pod): string {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || "Unknown";
  const initStatuses = status.initContainerStatuses ?? [];
  let initializing = false;
  initStatuses.forEach((c, i) => {
    if (initializing) return;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) return;
    initializing = true;
    if (t)
      reason = t.reason
        ? `Init:${t.reason}`
        : t.signal
          ? `Init:Signal:${t.signal}`
          : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") {
      reason = `Init:${c.state.waiting.reason}`;
    } else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? initStatuses.length}`;
  });
  if (!initializing) {
    let hasRunning = false;
    const cs = status.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (!c) continue;
      const st = c.state ?? {};
      if (st.waiting?.reason) reason = st.waiting.reason;
      else if (st.terminated?.reason) reason = st.terminated.reason;
      else if (st.terminated) {
        reason = st.terminated.signal
          ? `Signal:${st.terminated.signal}`
          : `ExitCode:${st.terminated.exitCode}`;
      } else if (c.ready && st.running) hasRunning = true;
    }
    if (reason === "Completed" && hasRunning) {
      const ready = status.conditions?.some((c) => c.type === "Ready" && c.status === "True");
      reason = ready ? "Running" : "NotReady";
    }
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

/** RESTARTS: the sum, plus ` (<age> ago)` of the most recent termination. */
export function podRestarts(pod: Pod, now: number): string {
  let restarts = 0;
  let last: number | undefined;
  for (const c of pod.status?.containerStatuses ?? []) {
    restarts += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished) {
      const t = Date.parse(finished);
      if (last === undefined || t > last) last = t;
    }
  }
  return last !== undefined && restarts > 0
    ? `${restarts} (${humanDuration(now - last)} ago)`
    : String(restarts);
}
