/**
 * Where a dump disagrees with itself or with the settings read from it: an EndpointSlice naming a
 * pod the dump does not have, a ClusterIP outside the service range, a NodePort outside the range.
 */
import type { Cluster } from "../../cluster";
import { cidrTextContains } from "../ipv4";
import type { ImportMessage } from "./messages";
import type { ImportNote } from "./report";

/** The inconsistencies of the cluster as imported (before its controllers ran). */
export function inconsistencies(cluster: Cluster): ImportNote[] {
  const notes: ImportNote[] = [];
  const { store, config } = cluster;
  const note = (
    message: ImportMessage,
    kind: "Service" | "EndpointSlice",
    ns: string | undefined,
    name: string,
  ) => {
    const source = store.sourceOf(kind, ns, name);
    notes.push({ type: "inconsistent", ...message, ...(source ? { source } : {}) });
  };
  for (const slice of store.values("EndpointSlice")) {
    const ns = slice.metadata.namespace;
    for (const ep of slice.endpoints ?? []) {
      const ref = ep.targetRef;
      if (ref?.kind !== "Pod" || !ref.name) continue;
      if (!store.get("Pod", ref.namespace ?? ns, ref.name)) {
        const name = slice.metadata.name;
        note(
          {
            key: "importNote.sliceMissingPod",
            values: { slice: `${ns}/${name}`, pod: `${ref.namespace ?? ns}/${ref.name}` },
          },
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
        {
          key: "importNote.clusterIpOutside",
          values: { service: `${ns}/${name}`, ip, cidr: config.serviceSubnet },
        },
        "Service",
        ns,
        name,
      );
    }
    for (const p of svc.spec?.ports ?? []) {
      if (p.nodePort === undefined || (p.nodePort >= config.nodePortRange.base && p.nodePort <= last))
        continue;
      note(
        {
          key: "importNote.nodePortOutside",
          values: {
            service: `${ns}/${name}`,
            port: String(p.nodePort),
            range: `${config.nodePortRange.base}-${last}`,
          },
        },
        "Service",
        ns,
        name,
      );
    }
  }
  return notes;
}
