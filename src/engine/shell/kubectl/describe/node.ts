import type { Node } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { humanDuration } from "../../../util/duration";
import { rfc1123z, writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

function roles(node: Node): string {
  const list = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length))
    .sort();
  return list.length > 0 ? list.join(",") : "<none>";
}

/**
 * `kubectl describe node` (`describeNode`). NOTE: Lease, resource requests
 * and the Allocated resources table are not simulated and are left out.
 */
export function describeNode(cluster: Cluster, node: Node): string {
  const w = new PrefixWriter();
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${roles(node)}\n`);
  writeLabels(w, "Labels", node.metadata.labels);
  writeAnnotations(w, node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints = node.spec?.taints ?? [];
  w.write(0, "Taints:\t");
  if (taints.length === 0) w.append("<none>\n");
  taints.forEach((t, i) => {
    w.append(`${i > 0 ? "\t" : ""}${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}\n`);
  });
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? "true" : "false"}\n`);
  const conds = st.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conds) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
      );
    }
  }
  w.write(0, "Addresses:\n");
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ["Capacity", st.capacity],
    ["Allocatable", st.allocatable],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(1, `${k}:\t${String((list as Record<string, unknown>)[k])}\n`);
  }
  const info = st.nodeInfo;
  if (info) {
    w.write(0, "System Info:\n");
    w.write(1, `Machine ID:\t${info.machineID}\n`);
    w.write(1, `System UUID:\t${info.systemUUID}\n`);
    w.write(1, `Boot ID:\t${info.bootID}\n`);
    w.write(1, `Kernel Version:\t${info.kernelVersion}\n`);
    w.write(1, `OS Image:\t${info.osImage}\n`);
    w.write(1, `Operating System:\t${info.operatingSystem}\n`);
    w.write(1, `Architecture:\t${info.architecture}\n`);
    w.write(1, `Container Runtime Version:\t${info.containerRuntimeVersion}\n`);
    w.write(1, `Kubelet Version:\t${info.kubeletVersion}\n`);
    w.write(1, `Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
  }
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}\n`);
  const pods = cluster.store
    .list("Pod")
    .filter(
      (p) =>
        p.spec?.nodeName === node.metadata.name &&
        p.status?.phase !== "Succeeded" &&
        p.status?.phase !== "Failed",
    );
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t------------\t----------\t---------------\t-------------\t---\n");
  const now = cluster.clock.now();
  for (const p of pods) {
    const age = humanAge(now, p.metadata.creationTimestamp);
    w.write(1, `${p.metadata.namespace ?? ""}\t${p.metadata.name}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${age}\n`);
  }
  writeEvents(w);
  return w.toString();
}

function humanAge(now: number, ts: string): string {
  return humanDuration(now - Date.parse(ts));
}
