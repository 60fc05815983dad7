/**
 * Where a dump disagrees with itself or with the settings read from it: an EndpointSlice naming a
 * pod the dump does not have, a ClusterIP outside the service range, a NodePort outside the range.
 */
import type { Cluster } from "../../cluster";
import { cidrTextContains } from "../ipv4";
import type { ImportNote } from "./report";

/** The inconsistencies of the cluster as imported (before its controllers ran). */
export function inconsistencies(cluster: Cluster): ImportNote[] {
  const notes: ImportNote[] = [];
  const { store, config } = cluster;
  const note = (text: string, kind: "Service" | "EndpointSlice", ns: string | undefined, name: string) => {
    const source = store.sourceOf(kind, ns, name);
    notes.push({ type: "inconsistent", text, ...(source ? { source } : {}) });
  };
  for (const slice of store.values("EndpointSlice")) {
    const ns = slice.metadata.namespace;
    for (const ep of slice.endpoints ?? []) {
      const ref = ep.targetRef;
      if (ref?.kind !== "Pod" || !ref.name) continue;
      if (!store.get("Pod", ref.namespace ?? ns, ref.name)) {
        const name = slice.metadata.name;
        note(
          `EndpointSlice ${ns}/${name} lists pod ${ref.namespace ?? ns}/${ref.name}, which is not in the dump`,
          "EndpointSlice",
          ns,
          name,
        );
      }
    }
  }
  const last = config.nodePortRange.base + config.nodePortRange.size - 1;
  for (const svc of store.values("Service")) {
    const { name, namespace: ns } = svc.metadata;
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) {
      if (ip === "None" || ip.includes(":") || cidrTextContains(config.serviceSubnet, ip)) continue;
      note(
        `Service ${ns}/${name}'s ClusterIP ${ip} is outside the service CIDR ${config.serviceSubnet}`,
        "Service",
        ns,
        name,
      );
    }
    for (const p of svc.spec?.ports ?? []) {
      if (p.nodePort === undefined || (p.nodePort >= config.nodePortRange.base && p.nodePort <= last))
        continue;
      note(
        `Service ${ns}/${name}'s NodePort ${p.nodePort} is outside the range ${config.nodePortRange.base}-${last}`,
        "Service",
        ns,
        name,
      );
    }
  }
  return notes;
}
