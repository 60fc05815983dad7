import type { Endpoints } from "../../../api/types";
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

/** `kubectl describe endpoints` (`describeEndpoints`). */
export function describeEndpoints(ep: Endpoints): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? "default"}\n`);
  writeLabels(w, "Labels", ep.metadata.labels);
  writeAnnotations(w, ep.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const ss of ep.subsets ?? []) {
    const ready = (ss.addresses ?? []).map((a) => a.ip).join(",");
    const notReady = (ss.notReadyAddresses ?? []).map((a) => a.ip).join(",");
    w.write(1, `Addresses:\t${ready || "<none>"}\n`);
    w.write(1, `NotReadyAddresses:\t${notReady || "<none>"}\n`);
    if (ss.ports?.length) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const p of ss.ports) w.write(2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? "TCP"}\n`);
    }
    w.write(0, "\n");
  }
  writeEvents(w);
  return w.toString();
}
