/**
 * Clusters for kubectl's tests, built straight into the store: the seed
 * lesson's v1.20 cluster, and a v1.35 kind-like cluster with every Service type.
 */
import type { Cluster } from "../../cluster";
import { DAY, HOUR, MINUTE, put, testCluster } from "./env.testkit";

function node(cluster: Cluster, name: string, ip: string, controlPlane: boolean, version: string): void {
  put(cluster, "Node", 6 * DAY + 3 * HOUR, {
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    },
    spec: { podCIDR: "10.244.0.0/24", podCIDRs: ["10.244.0.0/24"] },
    status: {
      conditions: [
        { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" },
      ],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        machineID: "m",
        systemUUID: "s",
        bootID: "b",
        kernelVersion: "6.8.0-1015-gcp",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        operatingSystem: "linux",
        architecture: "amd64",
        containerRuntimeVersion: "containerd://2.1.1",
        kubeletVersion: version,
        kubeProxyVersion: version,
      },
    },
  });
}

function runningPod(
  cluster: Cluster,
  ageMs: number,
  name: string,
  labels: Record<string, string>,
  ip: string,
  nodeName: string,
  image = "nginx",
): void {
  const started = cluster.clock.iso(cluster.clock.now() - ageMs + 2000);
  put(cluster, "Pod", ageMs, {
    metadata: { name, namespace: "default", labels },
    spec: {
      containers: [{ name: "nginx", image, ports: [{ containerPort: 80, protocol: "TCP" }] }],
      nodeName,
      serviceAccountName: "default",
      priority: 0,
    },
    status: {
      phase: "Running",
      hostIP: "10.142.0.5",
      podIP: ip,
      podIPs: [{ ip }],
      startTime: cluster.clock.iso(cluster.clock.now() - ageMs),
      containerStatuses: [
        {
          name: "nginx",
          ready: true,
          restartCount: 0,
          image,
          imageID: `docker.io/library/${image}@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31`,
          containerID: "containerd://8a3c6f1e2b9d",
          started: true,
          state: { running: { startedAt: started } },
        },
      ],
    },
  });
}

/** The seed transcript's cluster (kubespray, v1.20): `clusterip-service` 5s old, one nginx pod. */
export function seedCluster(): Cluster {
  const cluster = testCluster("v1.20.2");
  cluster.clock.advance(30 * DAY);
  put(cluster, "Service", 6 * DAY + 3 * HOUR, {
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: "10.233.0.1",
      clusterIPs: ["10.233.0.1"],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      sessionAffinity: "None",
    },
  });
  put(cluster, "Service", 5000, {
    metadata: { name: "clusterip-service", namespace: "default" },
    spec: {
      type: "ClusterIP",
      selector: { app: "nginx-for-svc" },
      clusterIP: "10.233.23.13",
      clusterIPs: ["10.233.23.13"],
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
    },
  });
  put(cluster, "Endpoints", 6 * DAY + 3 * HOUR, {
    metadata: { name: "kubernetes", namespace: "default" },
    subsets: [
      {
        addresses: [{ ip: "10.142.0.2" }, { ip: "10.142.0.4" }, { ip: "10.142.0.7" }],
        ports: [{ name: "https", port: 6443, protocol: "TCP" }],
      },
    ],
  });
  put(cluster, "Endpoints", 4 * MINUTE + 11_000, {
    metadata: { name: "clusterip-service", namespace: "default" },
    subsets: [{ addresses: [{ ip: "10.233.118.26" }], ports: [{ port: 80, protocol: "TCP" }] }],
  });
  runningPod(
    cluster,
    25 * MINUTE,
    "hello-concurrency-1613220000-7hfmq",
    { app: "hello" },
    "10.233.125.27",
    "instance-4",
  );
  runningPod(
    cluster,
    5 * HOUR + 37 * MINUTE,
    "kubernetes-simple-pod",
    { app: "simple" },
    "10.233.118.7",
    "instance-5",
  );
  runningPod(cluster, 34_000, "nginx-fot-svc", { app: "nginx-for-svc" }, "10.233.118.26", "instance-5");
  return cluster;
}

/** A v1.35 cluster (kubeadm defaults) with one Service of every shape. */
export function modernCluster(): Cluster {
  const cluster = testCluster("v1.35.0");
  cluster.clock.advance(30 * DAY);
  node(cluster, "kind-control-plane", "172.18.0.2", true, "v1.35.0");
  node(cluster, "kind-worker", "172.18.0.3", false, "v1.35.0");
  const modern = {
    ipFamilyPolicy: "SingleStack" as const,
    ipFamilies: ["IPv4" as const],
    internalTrafficPolicy: "Cluster" as const,
  };
  put(cluster, "Service", 6 * DAY + 3 * HOUR, {
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      ...modern,
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      sessionAffinity: "None",
      type: "ClusterIP",
    },
  });
  put(cluster, "Service", 4 * MINUTE + 11_000, {
    metadata: { name: "web", namespace: "default", labels: { app: "web" } },
    spec: {
      ...modern,
      type: "NodePort",
      selector: { app: "web" },
      clusterIP: "10.101.7.200",
      clusterIPs: ["10.101.7.200"],
      ports: [{ port: 80, protocol: "TCP", targetPort: 9376, nodePort: 30007 }],
      sessionAffinity: "None",
      externalTrafficPolicy: "Cluster",
    },
  });
  put(cluster, "Service", 3 * HOUR + 2 * MINUTE, {
    metadata: { name: "headless", namespace: "default", labels: { app: "web", tier: "frontend" } },
    spec: {
      ...modern,
      type: "ClusterIP",
      selector: { app: "web" },
      clusterIP: "None",
      clusterIPs: ["None"],
      ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }],
      sessionAffinity: "None",
    },
  });
  put(cluster, "Service", 2 * MINUTE, {
    metadata: { name: "ext-db", namespace: "default" },
    spec: { type: "ExternalName", externalName: "db.example.com", sessionAffinity: "None" },
  });
  put(cluster, "Service", 12_000, {
    metadata: { name: "lb", namespace: "default" },
    spec: {
      ...modern,
      type: "LoadBalancer",
      selector: { app: "web" },
      clusterIP: "10.104.9.9",
      clusterIPs: ["10.104.9.9"],
      ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080, nodePort: 31234 }],
      sessionAffinity: "ClientIP",
      externalTrafficPolicy: "Local",
      healthCheckNodePort: 32001,
      allocateLoadBalancerNodePorts: true,
    },
    status: { loadBalancer: { ingress: [{ ip: "172.18.255.200", ipMode: "VIP" }] } },
  });
  put(cluster, "Service", 10_000, {
    metadata: { name: "lb-pending", namespace: "default" },
    spec: {
      ...modern,
      type: "LoadBalancer",
      selector: { app: "none" },
      clusterIP: "10.104.9.10",
      clusterIPs: ["10.104.9.10"],
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 31235 }],
      sessionAffinity: "None",
      externalTrafficPolicy: "Cluster",
    },
    status: { loadBalancer: {} },
  });
  runningPod(
    cluster,
    4 * MINUTE + 11_000,
    "web-5d8f7b9c6d-4xk2p",
    { app: "web", "pod-template-hash": "5d8f7b9c6d" },
    "10.244.1.5",
    "kind-worker",
  );
  runningPod(
    cluster,
    6 * DAY + 3 * HOUR,
    "web-5d8f7b9c6d-9qzrt",
    { app: "web", "pod-template-hash": "5d8f7b9c6d" },
    "10.244.2.7",
    "kind-worker",
  );
  put(cluster, "EndpointSlice", 4 * MINUTE + 11_000, {
    metadata: { name: "web-7xk2p", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
    addressType: "IPv4",
    ports: [{ name: "", port: 9376, protocol: "TCP" }],
    endpoints: [
      { addresses: ["10.244.1.5"], conditions: { ready: true } },
      { addresses: ["10.244.2.7"], conditions: { ready: true } },
    ],
  });
  put(cluster, "EndpointSlice", 3 * HOUR + 2 * MINUTE, {
    metadata: {
      name: "headless-q8zrn",
      namespace: "default",
      labels: { "kubernetes.io/service-name": "headless" },
    },
    addressType: "IPv4",
    ports: [{ name: "http", port: 8080, protocol: "TCP" }],
    endpoints: [
      { addresses: ["10.244.1.5"], conditions: { ready: true } },
      { addresses: ["10.244.2.7"], conditions: { ready: true } },
    ],
  });
  put(cluster, "EndpointSlice", 12_000, {
    metadata: { name: "lb-4kqzt", namespace: "default", labels: { "kubernetes.io/service-name": "lb" } },
    addressType: "IPv4",
    ports: [{ name: "http", port: 8080, protocol: "TCP" }],
    endpoints: ["10.244.1.5", "10.244.2.7", "10.244.2.8", "10.244.2.9"].map((ip) => ({
      addresses: [ip],
      conditions: { ready: true },
    })),
  });
  put(cluster, "Endpoints", 4 * MINUTE + 11_000, {
    metadata: { name: "web", namespace: "default" },
    subsets: [
      { addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.2.7" }], ports: [{ port: 9376, protocol: "TCP" }] },
    ],
  });
  put(cluster, "Deployment", 6 * DAY + 3 * HOUR, {
    metadata: { name: "web", namespace: "default", labels: { app: "web" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
      },
    },
    status: { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
  });
  put(cluster, "ReplicaSet", 6 * DAY + 3 * HOUR, {
    metadata: {
      name: "web-5d8f7b9c6d",
      namespace: "default",
      labels: { app: "web", "pod-template-hash": "5d8f7b9c6d" },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web", "pod-template-hash": "5d8f7b9c6d" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
      },
    },
    status: { replicas: 2, readyReplicas: 2 },
  });
  for (const ns of ["default", "kube-system"]) {
    put(cluster, "Namespace", 6 * DAY + 3 * HOUR, { metadata: { name: ns }, status: { phase: "Active" } });
  }
  return cluster;
}
