import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { Pod } from "../../../api/types";
import { humanDuration } from "../../../util/duration";
import { rfc1123z, writeAnnotations, writeEvents, writeLabels } from "./common";
import { type EnvResolver, writeContainers, writeTolerations } from "./containers";
import { writeVolumes } from "./volumes";
import { PrefixWriter } from "./writer";

/** `metadata.labels`-style maps as `fieldpath.FormatMap` prints them: sorted `k="v"` lines. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m?.[k])}`)
    .join("\n");
}

/**
 * `EnvValueRetriever`: kubectl resolves a fieldRef itself, and only the
 * metadata paths (`fieldpath.ExtractFieldPathAsString`); others print empty.
 */
function envResolver(pod: Pod): EnvResolver {
  return (e: IEnvVar) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? "";
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m)
      return (m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[m[2] as string] ?? "";
    switch (path) {
      case "metadata.name":
        return pod.metadata.name;
      case "metadata.namespace":
        return pod.metadata.namespace ?? "";
      case "metadata.uid":
        return pod.metadata.uid;
      case "metadata.labels":
        return formatMap(pod.metadata.labels);
      case "metadata.annotations":
        return formatMap(pod.metadata.annotations);
      default:
        return "";
    }
  };
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
    // kubectl prints the time since deletionTimestamp, which lies ahead until the grace period ends.
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - Date.parse(deletion))})\n`);
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
  const resolve = envResolver(pod);
  if (spec?.initContainers?.length)
    writeContainers(w, "Init Containers", spec.initContainers, status.initContainerStatuses, "", resolve);
  writeContainers(w, "Containers", spec?.containers ?? [], status.containerStatuses, "", resolve);
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of gates) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c?.status ?? "<none>"} \n`);
    }
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec?.volumes ?? [], "");
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  writeLabels(w, "Node-Selectors", spec?.nodeSelector);
  writeTolerations(w, "Tolerations", spec?.tolerations);
  writeEvents(w);
  return w.toString();
}
