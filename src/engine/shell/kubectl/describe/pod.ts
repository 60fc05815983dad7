import type { Pod } from "../../../api/types";
import { printBool, rfc1123z, writeAnnotations, writeEvents, writeLabels } from "./common";
import { writeVolumes } from "./volumes";
import { PrefixWriter } from "./writer";

type Container = NonNullable<Pod["spec"]>["containers"][number];
type ContainerStatus = NonNullable<NonNullable<Pod["status"]>["containerStatuses"]>[number];
type ContainerState = NonNullable<ContainerStatus["state"]>;

function writeState(w: PrefixWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function writeContainer(w: PrefixWriter, c: Container, status: ContainerStatus | undefined): void {
  w.write(1, `${c.name}:\n`);
  if (status) w.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
  w.write(2, `Image:\t${c.image ?? ""}\n`);
  if (status) w.write(2, `Image ID:\t${status.imageID}\n`);
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
  w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
  w.write(
    2,
    hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
  );
  for (const [title, list] of [
    ["Command", c.command],
    ["Args", c.args],
  ] as const) {
    if (!list?.length) continue;
    w.write(2, `${title}:\n`);
    for (const s of list.flatMap((x) => x.split("\n"))) w.write(3, `${s}\n`);
  }
  if (status) {
    writeState(w, "State", status.state);
    if (status.lastState?.terminated) writeState(w, "Last State", status.lastState);
    w.write(2, `Ready:\t${printBool(status.ready)}\n`);
    w.write(2, `Restart Count:\t${status.restartCount}\n`);
  }
  for (const [title, list] of [
    ["Limits", c.resources?.limits],
    ["Requests", c.resources?.requests],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const k of keys) w.write(3, `${k}:\t${String((list as Record<string, unknown>)[k])}\n`);
  }
  // NOTE: probes (Liveness/Readiness/Startup lines) and envFrom are not rendered.
  const env = c.env ?? [];
  w.write(2, env.length === 0 ? "Environment:\t<none>\n" : "Environment:\n");
  for (const e of env) {
    if (e.valueFrom?.fieldRef) {
      w.write(
        3,
        `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? "v1"}:${e.valueFrom.fieldRef.fieldPath})\n`,
      );
      continue;
    }
    (e.value ?? "").split("\n").forEach((s, i) => {
      w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
    });
  }
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  w.write(2, mounts.length === 0 ? "Mounts:\t<none>\n" : "Mounts:\n");
  for (const m of mounts) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path="${m.subPath}"`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
}

/** QoS class: the status field, else computed as the kubelet does. */
function qosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const cs = pod.spec?.containers ?? [];
  const any = cs.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!any) return "BestEffort";
  const guaranteed = cs.every((c) =>
    ["cpu", "memory"].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && String(limit) === String(request);
    }),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

function writeTolerations(w: PrefixWriter, pod: Pod): void {
  w.write(0, "Tolerations:\t");
  const list = [...(pod.spec?.tolerations ?? [])].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : 1));
  if (list.length === 0) {
    w.append("<none>\n");
    return;
  }
  list.forEach((t, i) => {
    let s = i > 0 ? "\t" : "";
    s += t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.append(`${s}\n`);
  });
}

/** `kubectl describe pod` (`describePod` in kubectl's describe.go). */
export function describePod(pod: Pod, now: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const status = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? "default"}\n`);
  if (spec?.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, "Labels", pod.metadata.labels);
  writeAnnotations(w, pod.metadata.annotations);
  const deletion = pod.metadata.deletionTimestamp;
  if (deletion && status.phase !== "Failed" && status.phase !== "Succeeded") {
    const left = Math.max(0, Math.floor((Date.parse(deletion) - now) / 1000));
    w.write(0, `Status:\tTerminating (lasts ${left}s)\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ""}\n`);
  const podIPs = status.podIPs ?? [];
  if (podIPs.length === 0) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const statuses = new Map((status.containerStatuses ?? []).map((s) => [s.name, s]));
  w.write(0, "Containers:\n");
  for (const c of spec?.containers ?? []) writeContainer(w, c, statuses.get(c.name));
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec?.volumes ?? []);
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  writeLabels(w, "Node-Selectors", spec?.nodeSelector);
  writeTolerations(w, pod);
  writeEvents(w);
  return w.toString();
}
