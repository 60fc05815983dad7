/** Builders for controller tests: objects as the API server would store them. */
import { newObjectMeta } from "../api/meta.testkit";
import type { Deployment, Node, Pod, Service } from "../api/types";
import type { Cluster } from "../cluster";

type NodeOpts = {
  podCIDR?: string;
  ip?: string;
  labels?: Record<string, string>;
  taints?: NonNullable<Node["spec"]>["taints"];
  unschedulable?: boolean;
};

/** Puts a Ready node with an InternalIP. */
export function putNode(cluster: Cluster, name: string, o: NodeOpts = {}): Node {
  return cluster.store.put("Node", {
    apiVersion: "v1",
    kind: "Node",
    metadata: newObjectMeta(cluster, { name, labels: { "kubernetes.io/hostname": name, ...o.labels } }),
    spec: {
      ...(o.podCIDR ? { podCIDR: o.podCIDR, podCIDRs: [o.podCIDR] } : {}),
      ...(o.taints ? { taints: o.taints } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { type: "InternalIP", address: o.ip ?? "172.18.0.2" },
        { type: "Hostname", address: name },
      ],
    },
  });
}

type ServiceOpts = Partial<NonNullable<Service["spec"]>> & { labels?: Record<string, string> };

/** Puts a ClusterIP Service (port 80 → targetPort 80 unless given). */
export function putService(
  cluster: Cluster,
  name: string,
  o: ServiceOpts = {},
  namespace = "default",
): Service {
  const { labels, ...spec } = o;
  return cluster.store.put("Service", {
    apiVersion: "v1",
    kind: "Service",
    metadata: newObjectMeta(cluster, { name, namespace, ...(labels ? { labels } : {}) }),
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.0.100",
      ports: [{ port: 80, targetPort: 80, protocol: "TCP" }],
      ...spec,
    },
  });
}

type PodOpts = {
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  ports?: { name?: string; containerPort: number; protocol?: "TCP" | "UDP" | "SCTP" }[];
  annotations?: Record<string, string>;
  spec?: Partial<NonNullable<Pod["spec"]>>;
};

/** Puts a pod; with `ip`, already running and Ready (use setPodReady for readiness changes). */
export function putPod(cluster: Cluster, name: string, o: PodOpts = {}, namespace = "default"): Pod {
  const running = o.ip !== undefined;
  return cluster.store.put("Pod", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: newObjectMeta(cluster, {
      name,
      namespace,
      labels: o.labels ?? {},
      ...(o.annotations ? { annotations: o.annotations } : {}),
    }),
    spec: {
      containers: [{ name: "app", image: "nginx", ...(o.ports ? { ports: o.ports } : {}) }],
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 30,
      ...(o.node ? { nodeName: o.node } : {}),
      ...o.spec,
    },
    status: running
      ? {
          phase: "Running",
          podIP: o.ip,
          podIPs: [{ ip: o.ip ?? "" }],
          conditions: [{ type: "Ready", status: "True" }],
        }
      : { phase: "Pending" },
  });
}

/** Puts a Deployment of `replicas` nginx pods labelled app=<name>. */
export function putDeployment(
  cluster: Cluster,
  name: string,
  replicas: number,
  image = "nginx:1.27",
): Deployment {
  return cluster.store.put("Deployment", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: newObjectMeta(cluster, { name, namespace: "default", generation: 1 }),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name: "web", image, ports: [{ containerPort: 80, protocol: "TCP" }] }],
          restartPolicy: "Always",
        },
      },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
    },
  });
}
