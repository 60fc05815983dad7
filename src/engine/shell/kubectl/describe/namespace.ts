import type { Namespace } from "../../../api/types";
import { rfc1123z, writeAnnotations, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

/**
 * `kubectl describe namespace` (`describeNamespace`). Packetwalk serves no
 * ResourceQuota or LimitRange objects, so both lists are empty, as in a fresh
 * cluster. kubectl's namespace describer prints no events.
 */
export function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, "Labels", ns.metadata.labels);
  writeAnnotations(w, ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ""}\n`);
  const conds = ns.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t------------------\t------\t-------\n");
    for (const c of conds) {
      w.write(
        1,
        `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`,
      );
    }
  }
  w.write(0, "\n");
  w.write(0, "No resource quota.\n");
  w.write(0, "\n");
  w.write(0, "No LimitRange resource.\n");
  return w.toString();
}
