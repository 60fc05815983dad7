import type { EndpointSlice } from "../../../api/types";
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

/** `kubectl describe endpointslice` (`describeEndpointSliceV1`). */
export function describeEndpointSlice(eps: EndpointSlice): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace ?? "default"}\n`);
  writeLabels(w, "Labels", eps.metadata.labels);
  writeAnnotations(w, eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) w.write(0, "Ports: <unset>\n");
  else {
    w.write(0, "Ports:\n");
    w.write(1, "Name\tPort\tProtocol\n");
    w.write(1, "----\t----\t--------\n");
    for (const p of ports) {
      w.write(1, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol ?? ""}\n`);
    }
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, "Endpoints: <none>\n");
  else {
    w.write(0, "Endpoints:\n");
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(", ") || "<none>"}\n`);
      w.write(2, "Conditions:\n");
      w.write(3, `Ready:\t${e.conditions?.ready ?? "<unset>"}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ""}/${e.targetRef.name ?? ""}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
      w.write(2, `Zone:\t${e.zone ?? "<unset>"}\n`);
    }
  }
  writeEvents(w);
  return w.toString();
}
