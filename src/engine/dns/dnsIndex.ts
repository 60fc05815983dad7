/**
 * The cluster zone as CoreDNS's kubernetes plugin sees it: Services with
 * their ready endpoints, reverse entries and pods, indexed by name. Built in
 * one pass over the store; records are produced from it on demand.
 */
import type { Cluster } from "../cluster";
import type { CorefileSettings } from "./corefile";
import { corefileSettings } from "./corefile";
import { dashedIP } from "./names";

export interface DnsPort {
  /** The Service port's name; `""` when unnamed. */
  name: string;
  /** `tcp`, `udp` or `sctp`. */
  protocol: string;
  port: number;
}

export interface DnsEndpoint {
  ip: string;
  /** The endpoint's hostname, or its pod's name with `endpoint_pod_names`; else its name uses the dashed IP. */
  hostname?: string;
  /** The EndpointSlice's ports (resolved target ports). */
  ports: readonly DnsPort[];
}

export type DnsServiceKind = "ClusterIP" | "Headless" | "ExternalName";

export interface DnsService {
  name: string;
  namespace: string;
  /** `web.default.svc.cluster.local.` */
  fqdn: string;
  kind: DnsServiceKind;
  clusterIPs: string[];
  /** Target of an ExternalName Service, fully qualified. */
  externalName?: string;
  ports: DnsPort[];
  /** Ready endpoints only, in slice order (CoreDNS publishes only these). */
  endpoints: DnsEndpoint[];
}

export interface DnsIndex {
  zone: string;
  settings: CorefileSettings;
  /** By `<svc>.<ns>`. */
  services: Map<string, DnsService>;
  namespaces: Set<string>;
  /** Service IPs → the Service's name (CoreDNS answers the first match). */
  servicePtr: Map<string, string>;
  /** Endpoint IPs → `<label>.<svc>.<ns>.svc.<zone>.`; built on the first reverse query (see endpointPtr). */
  endpointPtrCache?: Map<string, string[]>;
  /** Pod IPs → namespaces of pods that have it (gathered for `pods verified` only; rarely more than one). */
  podIPs: Map<string, string[]>;
  /** How many resource records the zone holds (A/AAAA, SRV, PTR, CNAME, TXT). */
  recordCount: number;
}

function lowerProtocol(p: string | undefined): string {
  return (p ?? "TCP").toLowerCase();
}

function namedPorts(ports: readonly DnsPort[]): number {
  let n = 0;
  for (const p of ports) if (p.name !== "") n++;
  return n;
}

/** Builds the whole cluster zone from the store. */
export function buildDnsIndex(cluster: Cluster): DnsIndex {
  const zone = cluster.config.dnsDomain.replace(/\.$/, "");
  const settings = corefileSettings(cluster);
  const services = new Map<string, DnsService>();
  const namespaces = new Set<string>();
  const servicePtr = new Map<string, string>();
  const podIPs = new Map<string, string[]>();
  let recordCount = 1; // dns-version TXT

  for (const ns of cluster.store.list("Namespace")) namespaces.add(ns.metadata.name);
  for (const svc of cluster.store.list("Service")) {
    const namespace = svc.metadata.namespace ?? "default";
    namespaces.add(namespace);
    const spec = svc.spec ?? {};
    const clusterIPs = (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).filter(
      (ip) => ip !== "" && ip !== "None",
    );
    const kind: DnsServiceKind | undefined =
      spec.type === "ExternalName"
        ? "ExternalName"
        : spec.clusterIP === "None"
          ? "Headless"
          : clusterIPs.length > 0
            ? "ClusterIP"
            : undefined;
    if (!kind) continue; // no IP allocated yet: CoreDNS has nothing to say about it
    if (kind === "ExternalName" && !spec.externalName) continue;
    const entry: DnsService = {
      name: svc.metadata.name,
      namespace,
      fqdn: `${svc.metadata.name}.${namespace}.svc.${zone}.`,
      kind,
      clusterIPs: kind === "ClusterIP" ? clusterIPs : [],
      ports: (spec.ports ?? []).map((p) => ({
        name: p.name ?? "",
        protocol: lowerProtocol(p.protocol),
        port: p.port,
      })),
      endpoints: [],
    };
    if (kind === "ExternalName")
      entry.externalName = `${spec.externalName!.replace(/\.$/, "").toLowerCase()}.`;
    services.set(`${entry.name}.${namespace}`, entry);
    for (const ip of entry.clusterIPs) if (!servicePtr.has(ip)) servicePtr.set(ip, entry.fqdn);
    recordCount += kind === "ExternalName" ? 1 : entry.clusterIPs.length * 2 + namedPorts(entry.ports);
  }

  for (const slice of cluster.store.list("EndpointSlice")) {
    const namespace = slice.metadata.namespace ?? "default";
    const svcName = slice.metadata.labels?.["kubernetes.io/service-name"];
    const entry = svcName === undefined ? undefined : services.get(`${svcName}.${namespace}`);
    if (!entry || entry.kind === "ExternalName") continue;
    const ports: DnsPort[] = (slice.ports ?? []).map((p) => ({
      name: p.name ?? "",
      protocol: lowerProtocol(p.protocol),
      port: p.port ?? 0,
    }));
    for (const ep of slice.endpoints ?? []) {
      // A missing `ready` counts as ready; publishNotReadyAddresses is already folded into it.
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses) {
        const hostname =
          ep.hostname ??
          (settings.endpointPodNames && ep.targetRef?.kind === "Pod" ? ep.targetRef.name : undefined);
        entry.endpoints.push(hostname === undefined ? { ip, ports } : { ip, hostname, ports });
        recordCount += 2 + (entry.kind === "Headless" ? 1 + namedPorts(ports) : 0);
      }
    }
  }

  for (const ns of cluster.store.namespacesOf("Pod")) namespaces.add(ns);
  // Only `pods verified` asks which pods hold an address: 100,000 pods are not gathered otherwise.
  if (settings.pods === "verified") {
    for (const pod of cluster.store.values("Pod")) {
      const namespace = pod.metadata.namespace ?? "default";
      const status = pod.status;
      if (status?.podIPs) for (const p of status.podIPs) addPodIP(podIPs, p.ip, namespace);
      else if (status?.podIP) addPodIP(podIPs, status.podIP, namespace);
    }
  }

  return { zone, settings, services, namespaces, servicePtr, podIPs, recordCount };
}

function addPodIP(podIPs: Map<string, string[]>, ip: string, namespace: string): void {
  const list = podIPs.get(ip);
  if (!list) podIPs.set(ip, [namespace]);
  else if (!list.includes(namespace)) list.push(namespace);
}

/** The first label of an endpoint's name: its hostname, else its dashed IP (`10-244-1-5`). */
export function endpointLabel(ep: DnsEndpoint): string {
  return ep.hostname ?? dashedIP(ep.ip);
}

/** Endpoint IPs → their names, one per Service the IP backs (built once per index). */
export function endpointPtr(index: DnsIndex): Map<string, string[]> {
  if (index.endpointPtrCache) return index.endpointPtrCache;
  const map = new Map<string, string[]>();
  for (const svc of index.services.values()) {
    for (const ep of svc.endpoints) {
      const name = `${endpointLabel(ep)}.${svc.fqdn}`;
      const list = map.get(ep.ip);
      if (list) list.push(name);
      else map.set(ep.ip, [name]);
    }
  }
  index.endpointPtrCache = map;
  return map;
}
