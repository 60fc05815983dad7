/**
 * The topology view model: what the diagram draws, as plain data. The UI
 * lays it out and animates traces over it; it computes nothing of its own.
 */
import type { IpvsScheduler, ProxyMode } from "../api/configTypes";
import type { EndpointSlice, Pod, Service } from "../api/types";
import type { Cluster } from "../cluster";
import { portKeys, sliceServes, slicesByService } from "../proxy/endpoints";
import type { DataPlaneSize } from "../proxy/types";

export interface NodeView {
  name: string;
  roles: string[];
  internalIP: string;
  podCIDR: string;
  ready: boolean;
  schedulable: boolean;
  /** What kube-proxy programmed on this node: nat rules, virtual servers or map elements. */
  dataPlane?: DataPlaneSize;
}

export interface PodView {
  namespace: string;
  name: string;
  node?: string;
  ip?: string;
  labels: Record<string, string>;
  ready: boolean;
  /** Running, Pending, Terminating, ... as `kubectl get pods` shows STATUS. */
  status: string;
  image: string;
}

export interface ServicePortView {
  name: string;
  port: number;
  protocol: string;
  targetPort: string;
  nodePort?: number;
}

export interface ServiceView {
  namespace: string;
  name: string;
  type: string;
  clusterIP: string;
  headless: boolean;
  externalName?: string;
  loadBalancerIPs: string[];
  externalIPs: string[];
  ports: ServicePortView[];
  selector: Record<string, string>;
  /**
   * Pods behind it, from the EndpointSlices that carry one of its ports (as kube-proxy reads
   * them): `namespace/name`, with readiness.
   */
  endpoints: {
    pod?: string;
    ip: string;
    ready: boolean;
    serving: boolean;
    terminating: boolean;
    node?: string;
  }[];
  externalTrafficPolicy?: string;
  sessionAffinity: string;
}

export interface TopologyView {
  revision: number;
  proxyMode: ProxyMode;
  ipvsScheduler: IpvsScheduler;
  kubernetesVersion: string;
  serviceSubnet: string;
  podSubnet: string;
  nodes: NodeView[];
  pods: PodView[];
  /** The Services drawn: all of them, or the first `maxServices` (plus kube-dns) in a huge cluster. */
  services: ServiceView[];
  /** How many Services the cluster has, when `services` holds only some of them. */
  serviceCount?: number;
}

export interface TopologyViewOptions {
  /** Reads a node's programmed data plane (tests may leave it out). */
  dataPlaneSize?: (node: string) => DataPlaneSize;
  /**
   * At most this many Services in the view: a diagram cannot show 10,000
   * Services, and copying them all to the page on every change would stall it.
   */
  maxServices?: number;
}

export function topologyView(cluster: Cluster, opts: TopologyViewOptions = {}): TopologyView {
  const { store, config } = cluster;
  const { dataPlaneSize, maxServices = Number.POSITIVE_INFINITY } = opts;
  const all = store.list("Service");
  const shown = all.length <= maxServices ? all : withKubeDns(all.slice(0, maxServices), all);
  const slices = slicesByService(store.list("EndpointSlice"));
  return {
    revision: store.resourceVersion,
    proxyMode: config.proxyMode,
    ipvsScheduler: config.ipvsScheduler,
    kubernetesVersion: config.kubernetesVersion,
    serviceSubnet: config.serviceSubnet,
    podSubnet: config.podSubnet,
    nodes: store.list("Node").map((n) => ({
      name: n.metadata.name,
      roles: Object.keys(n.metadata.labels ?? {})
        .filter((k) => k.startsWith("node-role.kubernetes.io/"))
        .map((k) => k.slice("node-role.kubernetes.io/".length)),
      internalIP: n.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "",
      podCIDR: n.spec?.podCIDR ?? "",
      ready: n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
      schedulable: !n.spec?.unschedulable,
      ...(dataPlaneSize ? { dataPlane: dataPlaneSize(n.metadata.name) } : {}),
    })),
    pods: store.list("Pod").map(podView),
    services: shown.map((s) => serviceView(s, slices)),
    ...(shown.length < all.length ? { serviceCount: all.length } : {}),
  };
}

/** The cluster's DNS Service stays in view: every name lookup goes to it. */
function withKubeDns(some: Service[], all: Service[]): Service[] {
  const dns = all.find((s) => s.metadata.namespace === "kube-system" && s.metadata.name === "kube-dns");
  return dns && !some.includes(dns) ? [...some, dns] : some;
}

function podView(p: Pod): PodView {
  const ready = p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
  return {
    namespace: p.metadata.namespace ?? "default",
    name: p.metadata.name,
    ...(p.spec?.nodeName ? { node: p.spec.nodeName } : {}),
    ...(p.status?.podIP ? { ip: p.status.podIP } : {}),
    labels: { ...(p.metadata.labels ?? {}) },
    ready,
    status: p.metadata.deletionTimestamp ? "Terminating" : (p.status?.phase ?? "Pending"),
    image: p.spec?.containers?.[0]?.image ?? "",
  };
}

function serviceView(s: Service, bySlice: Map<string, EndpointSlice[]>): ServiceView {
  const ns = s.metadata.namespace ?? "default";
  const spec = s.spec ?? {};
  // The endpoints kube-proxy sends to: slices carrying one of the Service's ports (by name and
  // protocol), not a slice of pods whose named targetPort did not resolve.
  const keys = portKeys(spec.ports);
  const slices = (bySlice.get(`${ns}/${s.metadata.name}`) ?? []).filter((sl) => sliceServes(sl, keys));
  const endpoints = slices.flatMap((sl) =>
    (sl.endpoints ?? []).map((e) => ({
      ...(e.targetRef?.name ? { pod: `${e.targetRef.namespace ?? ns}/${e.targetRef.name}` } : {}),
      ip: e.addresses[0] ?? "",
      ready: e.conditions?.ready ?? true,
      serving: e.conditions?.serving ?? true,
      terminating: e.conditions?.terminating ?? false,
      ...(e.nodeName ? { node: e.nodeName } : {}),
    })),
  );
  return {
    namespace: ns,
    name: s.metadata.name,
    type: spec.type ?? "ClusterIP",
    clusterIP: spec.clusterIP ?? "",
    headless: spec.clusterIP === "None",
    ...(spec.externalName ? { externalName: spec.externalName } : {}),
    loadBalancerIPs: (s.status?.loadBalancer?.ingress ?? [])
      .map((i) => i.ip ?? i.hostname ?? "")
      .filter(Boolean),
    externalIPs: spec.externalIPs ?? [],
    ports: (spec.ports ?? []).map((p) => ({
      name: p.name ?? "",
      port: p.port,
      protocol: p.protocol ?? "TCP",
      targetPort: String(p.targetPort ?? p.port),
      ...(p.nodePort ? { nodePort: p.nodePort } : {}),
    })),
    selector: { ...(spec.selector ?? {}) },
    endpoints,
    ...(spec.externalTrafficPolicy ? { externalTrafficPolicy: spec.externalTrafficPolicy } : {}),
    sessionAffinity: spec.sessionAffinity ?? "None",
  };
}
