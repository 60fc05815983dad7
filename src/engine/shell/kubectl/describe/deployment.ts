import type { Deployment, ReplicaSet } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { formatLabelSelector } from "../selector";
import { rfc1123z, writeAnnotations, writeEvents, writeLabels } from "./common";
import { writePodTemplate } from "./podTemplate";
import { PrefixWriter } from "./writer";

function rsLine(rs: ReplicaSet): string {
  return `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
}

/** `kubectl describe deployment` (`describeDeployment`). */
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
  writePodTemplate(w, spec?.template);
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
  if (old.length > 0 || newest) {
    w.write(0, `OldReplicaSets:\t${old.length > 0 ? old.map(rsLine).join(", ") : "<none>"}\n`);
    w.write(0, `NewReplicaSet:\t${newest ? rsLine(newest) : "<none>"}\n`);
  }
  writeEvents(w);
  return w.toString();
}
