import type { Service } from "../../../api/types";

/** EXTERNAL-IP as `getServiceExternalIP` computes it. */
function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return external.length > 0 ? external.join(",") : "<none>";
    case "ExternalName":
      return spec.externalName ?? "";
    case "LoadBalancer": {
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      const set = new Set<string>();
      for (const i of ingress) {
        if (i.ip) set.add(i.ip);
        else if (i.hostname) set.add(i.hostname);
      }
      let lb = [...set].sort().join(",");
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      const all = [lb, ...external].filter((s) => s !== "");
      return all.length > 0 ? all.join(",") : "<pending>";
    }
    default:
      return "<unknown>";
  }
}

function ports(svc: Service): string {
  const list = (svc.spec?.ports ?? []).map((p) =>
    p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`,
  );
  return list.length > 0 ? list.join(",") : "<none>";
}

/** NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE for one Service. */
export function serviceColumns(svc: Service, wide: boolean, age: string): string[] {
  const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
  return [
    svc.metadata.name,
    svc.spec?.type ?? "ClusterIP",
    ips[0] ?? "<none>",
    externalIP(svc, wide),
    ports(svc),
    age,
  ];
}
