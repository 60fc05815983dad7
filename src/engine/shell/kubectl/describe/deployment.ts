import type { Deployment, ReplicaSet } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { formatLabelSelector } from "../selector";
import { rfc1123z, writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

function rsLine(rs: ReplicaSet): string {
  return `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
}

/** `kubectl describe deployment` (`describeDeployment`), without the pod template's probes. */
export function describeDeployment(cluster: Cluster, d: Deployment): string {
  const w = new PrefixWriter();
  const spec = d.spec;
  const st = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? "default"}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, "Labels", d.metadata.labels);
  writeAnnotations(w, d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  const desired = spec?.replicas ?? 1;
  w.write(
    0,
    `Replicas:\t${desired} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategy = spec?.strategy?.type ?? "RollingUpdate";
  w.write(0, `StrategyType:\t${strategy}\n`);
  w.write(0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  if (strategy === "RollingUpdate") {
    const ru = spec?.strategy?.rollingUpdate;
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru?.maxUnavailable ?? "25%"} max unavailable, ${ru?.maxSurge ?? "25%"} max surge\n`,
    );
  }
  w.write(0, "Pod Template:\n");
  writeLabels(w, "  Labels", spec?.template.metadata?.labels);
  w.write(1, "Containers:\n");
  for (const c of spec?.template.spec?.containers ?? []) {
    w.write(1, ` ${c.name}:\n`);
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    w.write(2, (c.env ?? []).length === 0 ? "Environment:\t<none>\n" : "Environment:\n");
    for (const e of c.env ?? []) w.write(3, `${e.name}:\t${e.value ?? ""}\n`);
    w.write(2, (c.volumeMounts ?? []).length === 0 ? "Mounts:\t<none>\n" : "Mounts:\n");
    for (const m of c.volumeMounts ?? [])
      w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? "ro" : "rw"})\n`);
  }
  w.write(1, "Volumes:\t<none>\n");
  w.write(1, `Node-Selectors:\t<none>\n`);
  w.write(1, `Tolerations:\t<none>\n`);
  const conds = st.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tReason\n");
    w.write(1, "----\t------\t------\n");
    for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  const owned = cluster.store
    .list("ReplicaSet", d.metadata.namespace ?? "default")
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid));
  const newest = owned.reduce<ReplicaSet | undefined>(
    (acc, rs) => (!acc || rs.metadata.creationTimestamp > acc.metadata.creationTimestamp ? rs : acc),
    undefined,
  );
  const old = owned.filter((rs) => rs !== newest && (rs.spec?.replicas ?? 0) > 0);
  w.write(0, `OldReplicaSets:\t${old.length > 0 ? old.map(rsLine).join(", ") : "<none>"}\n`);
  w.write(0, `NewReplicaSet:\t${newest ? rsLine(newest) : "<none>"}\n`);
  writeEvents(w);
  return w.toString();
}
