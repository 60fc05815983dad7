import type { Node, Pod } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { NODE_LEASE_NAMESPACE } from "../../../controllers/nodeLease";
import { rfc1123z, writeAnnotations, writeEvents, writeLabels } from "./common";
import { writeNodeResources } from "./nodeResources";
import { PrefixWriter } from "./writer";

function roles(node: Node): string {
  const list = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length))
    .sort();
  return list.length > 0 ? list.join(",") : "<none>";
}

/** `kubectl describe node` (`describeNode`). */
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
  writeLease(w, cluster, node);
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
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = cluster.store
    .list("Pod")
    .filter(
      (p) =>
        p.spec?.nodeName === node.metadata.name &&
        p.status?.phase !== "Succeeded" &&
        p.status?.phase !== "Failed",
    )
    .sort(byNamespaceAndName);
  writeNodeResources(w, node, pods, cluster.clock.now());
  writeEvents(w);
  return w.toString();
}

/** The API server lists objects in key order: namespace, then name. */
function byNamespaceAndName(a: Pod, b: Pod): number {
  const ka = `${a.metadata.namespace ?? ""}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ""}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** `describeNodeLease`, or kubectl's line when the lease cannot be read. */
function writeLease(w: PrefixWriter, cluster: Cluster, node: Node): void {
  const lease = cluster.store.get("Lease", NODE_LEASE_NAMESPACE, node.metadata.name);
  if (!lease) {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
    return;
  }
  const spec = lease.spec ?? {};
  w.write(0, "Lease:\n");
  w.write(1, `HolderIdentity:\t${spec.holderIdentity ?? "<unset>"}\n`);
  w.write(1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : "<unset>"}\n`);
  w.write(1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : "<unset>"}\n`);
}
