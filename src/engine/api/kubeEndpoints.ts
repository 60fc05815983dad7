/**
 * The API server's own endpoint reconciler: the `default/kubernetes`
 * Endpoints and EndpointSlice list one address per control-plane node
 * (port `https` 6443), and follow those nodes as they come and go.
 */
import type { Cluster, Reconciler } from "../cluster";
import { ipToNumber } from "./ipv4";
import { sameData } from "./objects";
import { freshObjectMeta } from "./timestamps";
import type { EndpointSlice, Endpoints, Node } from "./types";

/** The apiserver's secure port. */
export const APISERVER_PORT = 6443;

/** True for nodes that run an API server (control-plane role label, or the legacy master one). */
export function isControlPlane(node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  return "node-role.kubernetes.io/control-plane" in labels || "node-role.kubernetes.io/master" in labels;
}

/** The InternalIPs of the control-plane nodes, in address order. */
export function apiserverIPs(nodes: Node[]): string[] {
  const ips = nodes
    .filter(isControlPlane)
    .map((n) => n.status?.addresses?.find((a) => a.type === "InternalIP")?.address)
    .filter((ip): ip is string => !!ip);
  return [...new Set(ips)].sort((a, b) => (ipToNumber(a) ?? 0) - (ipToNumber(b) ?? 0));
}

export class KubernetesEndpointsReconciler implements Reconciler {
  private dirty = true;

  constructor(private readonly cluster: Cluster) {
    cluster.store.subscribe((e) => {
      if (e.kind === "Node") this.dirty = true;
      if (e.kind === "Service" && e.object.metadata.name === "kubernetes") this.dirty = true;
    });
  }

  sync(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    // An imported cluster's API servers are where the dump says (a managed cloud's are not nodes).
    if (this.cluster.adoption.holds("apiserverEndpoints", "default/kubernetes")) return false;
    const store = this.cluster.store;
    if (!store.get("Service", "default", "kubernetes")) return false;
    const ips = apiserverIPs(store.list("Node"));
    const port = { name: "https", port: APISERVER_PORT, protocol: "TCP" as const };
    const subsets = ips.length ? [{ addresses: ips.map((ip) => ({ ip })), ports: [port] }] : undefined;
    let changed = false;
    const ep = store.get("Endpoints", "default", "kubernetes");
    if (!ep || !sameData(ep.subsets, subsets)) {
      const next: Endpoints = {
        apiVersion: "v1",
        kind: "Endpoints",
        metadata: ep?.metadata ?? this.meta({ "endpointslice.kubernetes.io/skip-mirror": "true" }),
        ...(subsets ? { subsets } : {}),
      };
      store.put("Endpoints", next);
      changed = true;
    }
    const endpoints = ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } }));
    const slice = store.get("EndpointSlice", "default", "kubernetes");
    if (!slice || !sameData(slice.endpoints, endpoints)) {
      const next: EndpointSlice = {
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: slice?.metadata ?? this.meta({ "kubernetes.io/service-name": "kubernetes" }),
        addressType: "IPv4",
        endpoints,
        ports: [port],
      };
      store.put("EndpointSlice", next);
      changed = true;
    }
    return changed;
  }

  private meta(labels: Record<string, string>) {
    return freshObjectMeta(this.cluster, { name: "kubernetes", namespace: "default", labels });
  }
}
