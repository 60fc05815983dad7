/**
 * A big cluster dump, generated deterministically, as `kubectl get
 * nodes,pods,services,endpointslices,configmaps -A -o json` (or `-o yaml`) prints one: a
 * `kind: List` of objects with their server fields (uid, resourceVersion, creationTimestamp,
 * managedFields), labels, owner references, status, and the kube-proxy and kubeadm ConfigMaps.
 */
import { stringify } from "yaml";

const T = "2026-12-01T09:00:00Z";
/** Pods a node holds at most (the kubelet's default max-pods is 110). */
const PODS_PER_NODE = 100;

export interface DumpShape {
  pods: number;
  services: number;
}

/** Issue 17's figure: 5,000 pods, 2,000 Services and their slices. */
export const IMPORT_SHAPE: DumpShape = { pods: 5000, services: 2000 };

type Obj = Record<string, unknown>;

function meta(kind: string, name: string, namespace: string | undefined, n: number, extra: Obj = {}): Obj {
  return {
    ...extra,
    creationTimestamp: T,
    managedFields: [
      {
        apiVersion: kind === "EndpointSlice" ? "discovery.k8s.io/v1" : "v1",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:metadata": { "f:labels": { ".": {} } }, "f:spec": {} },
        manager: kind === "Pod" ? "kube-controller-manager" : "kubectl-client-side-apply",
        operation: "Update",
        time: T,
      },
    ],
    name,
    ...(namespace ? { namespace } : {}),
    resourceVersion: String(1000 + n),
    uid: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
  };
}

function node(i: number): Obj {
  const name = `node-${i}`;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta("Node", name, undefined, i, {
      labels: { "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux" },
    }),
    spec: { podCIDR: `10.244.${i}.0/24`, podCIDRs: [`10.244.${i}.0/24`] },
    status: {
      addresses: [
        { address: `172.18.${i >> 8}.${(i & 255) + 1}`, type: "InternalIP" },
        { address: name, type: "Hostname" },
      ],
      allocatable: { cpu: "8", memory: "16231300Ki", pods: "110" },
      capacity: { cpu: "8", memory: "16231300Ki", pods: "110" },
      conditions: [
        {
          lastHeartbeatTime: T,
          lastTransitionTime: T,
          message: "kubelet is posting ready status",
          reason: "KubeletReady",
          status: "True",
          type: "Ready",
        },
      ],
      nodeInfo: {
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.2",
        osImage: "Debian GNU/Linux 12 (bookworm)",
      },
    },
  };
}

function pod(i: number, services: number): Obj {
  const n = Math.floor(i / PODS_PER_NODE);
  const ip = `10.244.${n}.${(i % PODS_PER_NODE) + 2}`;
  const app = `app-${i % services}`;
  const rs = `${app}-5d9c7b8f6`;
  const name = `${rs}-${i.toString(36).padStart(5, "0")}`;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: meta("Pod", name, "default", 100_000 + i, {
      generateName: `${rs}-`,
      labels: { app, "pod-template-hash": "5d9c7b8f6" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "ReplicaSet",
          name: rs,
          uid: `rs-${app}`,
        },
      ],
    }),
    spec: {
      containers: [
        {
          env: [{ name: "APP", value: app }],
          image: "nginx:1.27",
          imagePullPolicy: "IfNotPresent",
          name: "nginx",
          ports: [{ containerPort: 80, name: "http", protocol: "TCP" }],
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      nodeName: `node-${n}`,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
    },
    status: {
      conditions: [
        { lastTransitionTime: T, status: "True", type: "Initialized" },
        { lastTransitionTime: T, status: "True", type: "Ready" },
        { lastTransitionTime: T, status: "True", type: "ContainersReady" },
        { lastTransitionTime: T, status: "True", type: "PodScheduled" },
      ],
      containerStatuses: [
        {
          containerID: `containerd://${i.toString(16).padStart(64, "0")}`,
          image: "docker.io/library/nginx:1.27",
          imageID:
            "docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a",
          lastState: {},
          name: "nginx",
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: T } },
        },
      ],
      hostIP: `172.18.${n >> 8}.${(n & 255) + 1}`,
      phase: "Running",
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: "BestEffort",
      startTime: T,
    },
  };
}

function service(k: number): Obj {
  const ip = `10.96.${(k + 20) >> 8}.${(k + 20) & 255}`;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta("Service", `app-${k}`, "default", 200_000 + k, { labels: { app: `app-${k}` } }),
    spec: {
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }],
      selector: { app: `app-${k}` },
      sessionAffinity: "None",
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  };
}

function slice(k: number, pods: Obj[]): Obj {
  const app = `app-${k}`;
  return {
    addressType: "IPv4",
    apiVersion: "discovery.k8s.io/v1",
    endpoints: pods.map((p) => {
      const m = p.metadata as Obj;
      const s = p.status as Obj;
      return {
        addresses: [s.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: (p.spec as Obj).nodeName,
        targetRef: { kind: "Pod", name: m.name, namespace: "default", uid: m.uid },
      };
    }),
    kind: "EndpointSlice",
    metadata: meta("EndpointSlice", `${app}-x7k2p`, "default", 300_000 + k, {
      generateName: `${app}-`,
      labels: {
        "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
        "kubernetes.io/service-name": app,
      },
      ownerReferences: [
        {
          apiVersion: "v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "Service",
          name: app,
          uid: `svc-${k}`,
        },
      ],
    }),
    ports: [{ name: "http", port: 80, protocol: "TCP" }],
  };
}

function configMaps(): Obj[] {
  return [
    {
      apiVersion: "v1",
      data: {
        "config.conf":
          "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nclusterCIDR: 10.244.0.0/16\nkind: KubeProxyConfiguration\nmode: iptables\n",
      },
      kind: "ConfigMap",
      metadata: meta("ConfigMap", "kube-proxy", "kube-system", 900_001, { labels: { app: "kube-proxy" } }),
    },
    {
      apiVersion: "v1",
      data: {
        ClusterConfiguration:
          "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.32.2\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/16\n",
      },
      kind: "ConfigMap",
      metadata: meta("ConfigMap", "kubeadm-config", "kube-system", 900_002),
    },
  ];
}

/** The dump's objects: nodes, pods spread over them, Services each selecting its pods, their slices. */
export function dumpObjects(shape: DumpShape): Obj[] {
  const nodes = Math.ceil(shape.pods / PODS_PER_NODE);
  const pods = Array.from({ length: shape.pods }, (_, i) => pod(i, shape.services));
  const bySvc: Obj[][] = Array.from({ length: shape.services }, () => []);
  for (const [i, p] of pods.entries()) bySvc[i % shape.services]!.push(p);
  return [
    ...Array.from({ length: nodes }, (_, i) => node(i)),
    ...pods,
    ...Array.from({ length: shape.services }, (_, k) => service(k)),
    ...bySvc.map((ps, k) => slice(k, ps)),
    ...configMaps(),
  ];
}

/**
 * The dump as kubectl prints it: `-o json` (4-space indent) or `-o yaml` (sequences not indented,
 * strings YAML 1.1 would read as something else quoted, as go-yaml does: `"2026-12-01T09:00:00Z"`).
 */
export function bigDump(shape: DumpShape, format: "json" | "yaml"): string {
  const list = {
    apiVersion: "v1",
    items: dumpObjects(shape),
    kind: "List",
    metadata: { resourceVersion: "" },
  };
  return format === "json"
    ? `${JSON.stringify(list, null, 4)}\n`
    : stringify(list, { version: "1.1", indentSeq: false, lineWidth: 0 });
}
