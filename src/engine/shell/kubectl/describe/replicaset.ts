import type { ReplicaSet } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { formatLabelSelector, matchesSelector, parseSelector } from "../selector";
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { writePodTemplate } from "./podTemplate";
import { PrefixWriter } from "./writer";

/** `getPodStatusForController`: the phases of the pods this controller owns. */
function podPhases(cluster: Cluster, rs: ReplicaSet): string {
  const selector = parseSelector(formatLabelSelector(rs.spec?.selector));
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of cluster.store.list("Pod", rs.metadata.namespace ?? "default")) {
    if ("error" in selector || !matchesSelector(selector, pod.metadata.labels ?? {})) continue;
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (owner?.uid !== rs.metadata.uid) continue;
    const phase = pod.status?.phase as keyof typeof counts | undefined;
    if (phase && phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** `kubectl describe replicaset` (`describeReplicaSet`). */
export function describeReplicaSet(cluster: Cluster, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? "default"}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  writeLabels(w, "Labels", rs.metadata.labels);
  writeAnnotations(w, rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podPhases(cluster, rs)}\n`);
  writePodTemplate(w, rs.spec?.template);
  const conds = rs.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(1, "----\t------\t------\n");
    for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  writeEvents(w);
  return w.toString();
}
