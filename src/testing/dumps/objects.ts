/**
 * Nodes, Services and ConfigMaps as a real API server stores them: the defaults
 * it fills in, `managedFields` by the component that wrote each part, and status.
 */
import { managed } from "./fields";
import { at, uid } from "./ids";

type Obj = Record<string, unknown>;

export interface NodeSpec {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Absent where the cluster's CNI assigns pod addresses itself (EKS's VPC CNI). */
  podCIDR?: string;
  providerID?: string;
  taints?: Obj[];
  addresses: { type: string; address: string }[];
  nodeInfo: Obj;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  images: { names: string[]; sizeBytes: number }[];
  created: string;
  /** When the kubelet last reported (the dump's "now"). */
  heartbeat: string;
  /** The manager that labelled it at join (kubeadm), if any. */
  labeller?: { manager: string; labels: Record<string, string>; annotations?: Record<string, string> };
}

function nodeConditions(n: NodeSpec): Obj[] {
  const c = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: n.heartbeat,
    lastTransitionTime: n.created,
    message,
    reason,
    status,
    type,
  });
  return [
    c("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
    c("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
    c("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
    {
      ...c("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      lastTransitionTime: at(n.created, 20),
    },
  ];
}

/** A Node as `kubectl get node -o yaml` shows it. */
export function node(n: NodeSpec): Obj {
  const cidr = n.podCIDR ? { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR] } : {};
  const status = {
    addresses: n.addresses,
    allocatable: n.allocatable,
    capacity: n.capacity,
    conditions: nodeConditions(n),
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: n.images,
    nodeInfo: n.nodeInfo,
  };
  const spec = {
    ...cidr,
    ...(n.providerID ? { providerID: n.providerID } : {}),
    ...(n.taints ? { taints: n.taints } : {}),
  };
  const fromKubelet = Object.fromEntries(
    Object.entries(n.labels).filter(([k]) => !(n.labeller?.labels && k in n.labeller.labels)),
  );
  const ttl = "node.alpha.kubernetes.io/ttl";
  const kubeletAnnotations = Object.fromEntries(
    Object.entries(n.annotations).filter(
      ([k]) => k !== ttl && !(n.labeller?.annotations && k in n.labeller.annotations),
    ),
  );
  const managedFields = [
    managed("kubelet", "v1", n.created, {
      metadata: { annotations: kubeletAnnotations, labels: fromKubelet },
      ...(n.providerID ? { spec: { providerID: n.providerID } } : {}),
    }),
    ...(n.labeller
      ? [
          managed(n.labeller.manager, "v1", at(n.created, 4), {
            metadata: {
              ...(n.labeller.annotations ? { annotations: n.labeller.annotations } : {}),
              labels: n.labeller.labels,
            },
            ...(n.taints ? { spec: { taints: n.taints } } : {}),
          }),
        ]
      : []),
    managed("kube-controller-manager", "v1", at(n.created, 21), {
      metadata: { annotations: { [ttl]: "0" } },
      ...(n.podCIDR ? { spec: cidr } : {}),
    }),
    managed("kubelet", "v1", n.heartbeat, { status }, { subresource: "status" }),
  ];
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      annotations: n.annotations,
      creationTimestamp: n.created,
      labels: n.labels,
      managedFields,
      name: n.name,
      resourceVersion: "0",
      uid: uid(`node/${n.name}`),
    },
    spec,
    status,
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort: number | string;
  protocol?: string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceSpec {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  selector?: Record<string, string>;
  type?: "ClusterIP" | "NodePort" | "LoadBalancer";
  /** `None` for a headless Service. */
  clusterIP: string;
  ports: ServicePort[];
  created: string;
  /** Who created it: kubeadm, kubectl-client-side-apply, kube-apiserver, ... */
  manager: string;
  /** The load balancer's ingress (a cloud controller's status write). */
  ingress?: Obj[];
  /** Who writes the status (the cloud's service controller). */
  statusManager?: string;
  finalizers?: string[];
  publishNotReadyAddresses?: boolean;
}

/** A Service as `kubectl get svc -o yaml` shows it. */
export function service(s: ServiceSpec): Obj {
  const type = s.type ?? "ClusterIP";
  const external = type !== "ClusterIP";
  const ports = s.ports.map((p) => ({
    ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    ...(p.name ? { name: p.name } : {}),
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
    port: p.port,
    protocol: p.protocol ?? "TCP",
    targetPort: p.targetPort,
  }));
  const spec = {
    ...(type === "LoadBalancer" ? { allocateLoadBalancerNodePorts: true } : {}),
    clusterIP: s.clusterIP,
    clusterIPs: [s.clusterIP],
    ...(external ? { externalTrafficPolicy: "Cluster" } : {}),
    internalTrafficPolicy: "Cluster",
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    ports,
    ...(s.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
    ...(s.selector ? { selector: s.selector } : {}),
    sessionAffinity: "None",
    type,
  };
  const status = { loadBalancer: s.ingress ? { ingress: s.ingress } : {} };
  const { clusterIPs: _ips, clusterIP: _ip, ...allocated } = spec;
  const written = s.clusterIP === "None" ? { ...allocated, clusterIP: "None" } : allocated;
  const metadata: Obj = {
    ...(s.annotations ? { annotations: s.annotations } : {}),
    creationTimestamp: s.created,
    ...(s.finalizers ? { finalizers: s.finalizers } : {}),
    ...(s.labels ? { labels: s.labels } : {}),
    managedFields: [
      managed(s.manager, "v1", s.created, {
        metadata: {
          ...(s.annotations ? { annotations: s.annotations } : {}),
          ...(s.labels ? { labels: s.labels } : {}),
        },
        spec: written,
      }),
      ...(s.statusManager
        ? [
            managed(
              s.statusManager,
              "v1",
              at(s.created, 3),
              {
                ...(s.finalizers ? { metadata: { finalizers: s.finalizers } } : {}),
                status,
              },
              { subresource: "status" },
            ),
          ]
        : []),
    ],
    name: s.name,
    namespace: s.namespace,
    resourceVersion: "0",
    uid: uid(`service/${s.namespace}/${s.name}`),
  };
  return { apiVersion: "v1", kind: "Service", metadata, spec, status };
}

export interface ConfigMapSpec {
  namespace: string;
  name: string;
  data: Record<string, string>;
  created: string;
  manager: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A ConfigMap as `kubectl get cm -o yaml` shows it. */
export function configMap(c: ConfigMapSpec): Obj {
  const metadata: Obj = {
    ...(c.annotations ? { annotations: c.annotations } : {}),
    creationTimestamp: c.created,
    ...(c.labels ? { labels: c.labels } : {}),
    managedFields: [
      managed(c.manager, "v1", c.created, {
        data: c.data,
        ...(c.labels || c.annotations
          ? {
              metadata: {
                ...(c.annotations ? { annotations: c.annotations } : {}),
                ...(c.labels ? { labels: c.labels } : {}),
              },
            }
          : {}),
      }),
    ],
    name: c.name,
    namespace: c.namespace,
    resourceVersion: "0",
    uid: uid(`configmap/${c.namespace}/${c.name}`),
  };
  return { apiVersion: "v1", data: c.data, kind: "ConfigMap", metadata };
}

/**
 * The objects as the API server lists them for `kubectl get nodes,pods,...`: by resource, each
 * sorted by namespace and name (etcd's key order); a resourceVersion left "0" is given in
 * creation order.
 */
export function served(objects: Obj[]): Map<string, Obj[]> {
  const meta = (o: Obj) =>
    o.metadata as { name: string; namespace?: string; creationTimestamp: string; resourceVersion: string };
  const byTime = [...objects].sort((a, b) =>
    meta(a).creationTimestamp.localeCompare(meta(b).creationTimestamp),
  );
  byTime.forEach((o, i) => {
    if (meta(o).resourceVersion === "0") meta(o).resourceVersion = String(200 + i * 7);
  });
  const plural: Record<string, string> = {
    Node: "nodes",
    Pod: "pods",
    Service: "services",
    EndpointSlice: "endpointslices",
    ConfigMap: "configmaps",
  };
  const out = new Map<string, Obj[]>();
  for (const o of objects) {
    const p = plural[o.kind as string] as string;
    out.set(p, [...(out.get(p) ?? []), o]);
  }
  const key = (o: Obj) => `${meta(o).namespace ?? ""}/${meta(o).name}`;
  for (const list of out.values()) list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return out;
}
