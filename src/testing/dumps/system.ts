/**
 * The pieces every cluster's dump has whatever its installer: DaemonSet pods (with the
 * tolerations and node affinity the DaemonSet controller adds), the CoreDNS deployment's pods,
 * the kube-root-ca.crt ConfigMap in every namespace, and the kube-dns and kubernetes Services.
 */
import { uid } from "./ids";
import { configMap, type ServiceSpec, service } from "./objects";
import { type ContainerSpec, type PodSpec, pod } from "./pods";

type Obj = Record<string, unknown>;

/** The tolerations the DaemonSet controller adds to its pods (a hostNetwork pod's too). */
export function daemonSetTolerations(extra: Obj[] = [], hostNetwork = true): Obj[] {
  const t = (key: string, effect: string) => ({
    effect,
    key: `node.kubernetes.io/${key}`,
    operator: "Exists",
  });
  return [
    ...extra,
    t("not-ready", "NoExecute"),
    t("unreachable", "NoExecute"),
    t("disk-pressure", "NoSchedule"),
    t("memory-pressure", "NoSchedule"),
    t("pid-pressure", "NoSchedule"),
    t("unschedulable", "NoSchedule"),
    ...(hostNetwork ? [t("network-unavailable", "NoSchedule")] : []),
  ];
}

export interface DaemonPod {
  namespace: string;
  daemonSet: string;
  revision: string;
  node: string;
  nodeIP: string;
  /** The pod's IP when it is not on the host's network. */
  podIP?: string;
  labels: Record<string, string>;
  containers: ContainerSpec[];
  created: string;
  serviceAccount: string;
  tolerations?: Obj[];
  extraSpec?: Obj;
  qosClass?: string;
}

/** One pod of a DaemonSet, bound to its node by the affinity the controller writes. */
export function daemonPod(d: DaemonPod): Obj {
  const name = `${d.daemonSet}-${d.revision}`;
  const hostNetwork = d.podIP === undefined;
  const spec: PodSpec = {
    namespace: d.namespace,
    name,
    generateName: `${d.daemonSet}-`,
    owner: {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      name: d.daemonSet,
      uid: uid(`daemonset/${d.namespace}/${d.daemonSet}`),
    },
    labels: d.labels,
    node: d.node,
    hostIP: d.nodeIP,
    podIP: d.podIP ?? d.nodeIP,
    hostNetwork,
    containers: d.containers,
    created: d.created,
    serviceAccount: d.serviceAccount,
    priorityClassName: "system-node-critical",
    priority: 2000001000,
    tolerations: daemonSetTolerations(d.tolerations ?? [{ operator: "Exists" }], hostNetwork),
    extraSpec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: "metadata.name", operator: "In", values: [d.node] }] },
            ],
          },
        },
      },
      nodeSelector: { "kubernetes.io/os": "linux" },
      ...d.extraSpec,
    },
    ...(d.qosClass ? { qosClass: d.qosClass } : {}),
  };
  return pod(spec);
}

/** A CoreDNS pod of the `coredns` Deployment's ReplicaSet. */
export function corednsPod(p: {
  replicaSet: string;
  name: string;
  node: string;
  nodeIP: string;
  podIP: string;
  image: string;
  created: string;
  controlPlaneToleration?: boolean;
}): Obj {
  return pod({
    namespace: "kube-system",
    name: p.name,
    generateName: `${p.replicaSet}-`,
    owner: {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      name: p.replicaSet,
      uid: uid(`replicaset/kube-system/${p.replicaSet}`),
    },
    labels: { "k8s-app": "kube-dns", "pod-template-hash": p.replicaSet.replace(/^coredns-/, "") },
    node: p.node,
    hostIP: p.nodeIP,
    podIP: p.podIP,
    containers: [
      {
        name: "coredns",
        image: p.image,
        args: ["-conf", "/etc/coredns/Corefile"],
        ports: [
          { containerPort: 53, name: "dns", protocol: "UDP" },
          { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
          { containerPort: 9153, name: "metrics", protocol: "TCP" },
        ],
        readinessProbe: {
          failureThreshold: 3,
          httpGet: { path: "/ready", port: 8181, scheme: "HTTP" },
          periodSeconds: 10,
          successThreshold: 1,
          timeoutSeconds: 1,
        },
        resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
      },
    ],
    created: p.created,
    serviceAccount: "coredns",
    priorityClassName: "system-cluster-critical",
    priority: 2000000000,
    qosClass: "Burstable",
    tolerations: [
      { key: "CriticalAddonsOnly", operator: "Exists" },
      ...(p.controlPlaneToleration === false
        ? []
        : [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }]),
      {
        effect: "NoExecute",
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        tolerationSeconds: 300,
      },
      {
        effect: "NoExecute",
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        tolerationSeconds: 300,
      },
    ],
  });
}

/** The CA bundle the root-ca-cert-publisher controller writes into every namespace. */
export function rootCA(namespace: string, created: string, ca: string): Obj {
  return configMap({
    namespace,
    name: "kube-root-ca.crt",
    data: { "ca.crt": ca },
    created,
    manager: "kube-controller-manager",
    annotations: {
      "kubernetes.io/description":
        "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.",
    },
  });
}

/** default/kubernetes, written by the API server. */
export function kubernetesService(clusterIP: string, created: string): Obj {
  return service({
    namespace: "default",
    name: "kubernetes",
    labels: { component: "apiserver", provider: "kubernetes" },
    clusterIP,
    ports: [{ name: "https", port: 443, targetPort: 6443 }],
    created,
    manager: "kube-apiserver",
  });
}

/** kube-system/kube-dns in front of CoreDNS, as kubeadm (and EKS's add-on) create it. */
export function kubeDnsService(clusterIP: string, created: string, extra: Partial<ServiceSpec> = {}): Obj {
  return service({
    namespace: "kube-system",
    name: "kube-dns",
    annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    labels: {
      "k8s-app": "kube-dns",
      "kubernetes.io/cluster-service": "true",
      "kubernetes.io/name": "CoreDNS",
    },
    selector: { "k8s-app": "kube-dns" },
    clusterIP,
    ports: [
      { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
      { name: "dns-tcp", port: 53, targetPort: 53 },
      { name: "metrics", port: 9153, targetPort: 9153 },
    ],
    created,
    manager: "kubeadm",
    ...extra,
  });
}

/** CoreDNS's Corefile for `domain`, as kubeadm writes it. */
export function corefile(domain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${domain}
       disable denial ${domain}
    }
    loop
    reload
    loadbalance
}
`;
}
