/**
 * A kubeadm cluster (1.32, one control plane and two workers, flannel) with kube-proxy in IPVS
 * mode and the source-hashing scheduler, a non-default service and pod range and cluster domain;
 * in namespace shop a NodePort Service, a headless Service over a StatefulSet, and a Service whose
 * pods fail their readiness probe.
 */

import { endpointSlice } from "./endpointSlices";
import { at, hex, suffix, uid } from "./ids";
import { DEPLOYED, INIT, kubeadmConfigMaps, VERSION } from "./kubeadmConfig";
import { CP, kubeadmNode, NODES, NOW, W1, W2 } from "./kubeadmNodes";
import { service } from "./objects";
import { pod } from "./pods";
import { corednsPod, daemonPod, kubeDnsService, kubernetesService } from "./system";

type Obj = Record<string, unknown>;

function staticPod(component: string, image: string, command: string[], created: string): Obj {
  return pod({
    namespace: "kube-system",
    name: `${component}-${CP.name}`,
    owner: { apiVersion: "v1", kind: "Node", name: CP.name, uid: uid(`node/${CP.name}`) },
    creator: "kubelet",
    labels: { component, tier: "control-plane" },
    annotations: {
      ...(component === "kube-apiserver"
        ? { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${CP.ip}:6443` }
        : {}),
      ...(component === "etcd"
        ? { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${CP.ip}:2379` }
        : {}),
      "kubernetes.io/config.hash": hex(`hash/${component}`, 32),
      "kubernetes.io/config.mirror": hex(`hash/${component}`, 32),
      "kubernetes.io/config.seen": "2026-11-20T14:02:03.118243961Z",
      "kubernetes.io/config.source": "file",
    },
    node: CP.name,
    hostIP: CP.ip,
    podIP: CP.ip,
    hostNetwork: true,
    containers: [{ name: component, image, command, resources: { requests: { cpu: "250m" } } }],
    created,
    priorityClassName: "system-node-critical",
    priority: 2000001000,
    tolerations: [{ effect: "NoExecute", operator: "Exists" }],
    tokenVolume: false,
    qosClass: "Burstable",
  });
}

function appPod(p: {
  app: string;
  hash: string;
  n: (typeof NODES)[number];
  ip: string;
  ready?: boolean;
  image: string;
  port: { containerPort: number; name: string };
  created: string;
  probe?: Obj;
}): Obj {
  const rs = `${p.app}-${p.hash}`;
  return pod({
    namespace: "shop",
    name: `${rs}-${suffix(`${rs}/${p.ip}`)}`,
    generateName: `${rs}-`,
    owner: { apiVersion: "apps/v1", kind: "ReplicaSet", name: rs, uid: uid(`replicaset/shop/${rs}`) },
    labels: { app: p.app, "pod-template-hash": p.hash },
    node: p.n.name,
    hostIP: p.n.ip,
    podIP: p.ip,
    containers: [
      { name: p.app, image: p.image, ports: [p.port], ...(p.probe ? { readinessProbe: p.probe } : {}) },
    ],
    created: p.created,
    ...(p.ready === false ? { ready: false } : {}),
  });
}

const STOREFRONT = [
  { n: W1, ip: "10.32.1.14" },
  { n: W2, ip: "10.32.2.9" },
  { n: W2, ip: "10.32.2.10" },
].map((p) =>
  appPod({
    app: "storefront",
    hash: "6d9f8b7c54",
    ...p,
    image: "nginx:1.27.3",
    port: { containerPort: 80, name: "http" },
    created: DEPLOYED,
  }),
);

const PAYMENTS = [
  { n: W1, ip: "10.32.1.15" },
  { n: W2, ip: "10.32.2.11" },
].map((p) =>
  appPod({
    app: "payments",
    hash: "b5c4d8f97",
    ...p,
    ready: false,
    image: "registry.example.internal/payments:2.4.1",
    port: { containerPort: 8443, name: "https" },
    created: at(NOW, -600),
    probe: {
      failureThreshold: 3,
      httpGet: { path: "/healthz", port: 8443, scheme: "HTTPS" },
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    },
  }),
);

const CART = [
  { i: 0, n: W1, ip: "10.32.1.12" },
  { i: 1, n: W2, ip: "10.32.2.7" },
].map(({ i, n, ip }) =>
  pod({
    namespace: "shop",
    name: `cart-db-${i}`,
    generateName: "cart-db-",
    owner: {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      name: "cart-db",
      uid: uid("statefulset/shop/cart-db"),
    },
    labels: {
      app: "cart-db",
      "apps.kubernetes.io/pod-index": String(i),
      "controller-revision-hash": "cart-db-7f9c5d6b8d",
      "statefulset.kubernetes.io/pod-name": `cart-db-${i}`,
    },
    node: n.name,
    hostIP: n.ip,
    podIP: ip,
    containers: [{ name: "redis", image: "redis:7.4.1", ports: [{ containerPort: 6379, name: "redis" }] }],
    created: at(DEPLOYED, -120 + i * 15),
    hostname: `cart-db-${i}`,
    subdomain: "cart-db",
  }),
);

function pods(): Obj[] {
  const etcdImage = "registry.k8s.io/etcd:3.5.16-0";
  const image = (c: string) => `registry.k8s.io/${c}:${VERSION}`;
  return [
    staticPod(
      "etcd",
      etcdImage,
      ["etcd", `--advertise-client-urls=https://${CP.ip}:2379`, "--data-dir=/var/lib/etcd"],
      at(INIT, 2),
    ),
    staticPod(
      "kube-apiserver",
      image("kube-apiserver"),
      ["kube-apiserver", `--advertise-address=${CP.ip}`, "--service-cluster-ip-range=10.112.0.0/16"],
      at(INIT, 2),
    ),
    staticPod(
      "kube-controller-manager",
      image("kube-controller-manager"),
      [
        "kube-controller-manager",
        "--allocate-node-cidrs=true",
        "--cluster-cidr=10.32.0.0/16",
        "--service-cluster-ip-range=10.112.0.0/16",
      ],
      at(INIT, 2),
    ),
    staticPod(
      "kube-scheduler",
      image("kube-scheduler"),
      ["kube-scheduler", "--kubeconfig=/etc/kubernetes/scheduler.conf"],
      at(INIT, 2),
    ),
    corednsPod({
      replicaSet: "coredns-668d6bf9bc",
      name: "coredns-668d6bf9bc-7xq2n",
      node: CP.name,
      nodeIP: CP.ip,
      podIP: "10.32.0.2",
      image: "registry.k8s.io/coredns/coredns:v1.11.3",
      created: at(INIT, 14),
    }),
    corednsPod({
      replicaSet: "coredns-668d6bf9bc",
      name: "coredns-668d6bf9bc-kc9tw",
      node: CP.name,
      nodeIP: CP.ip,
      podIP: "10.32.0.3",
      image: "registry.k8s.io/coredns/coredns:v1.11.3",
      created: at(INIT, 14),
    }),
    ...NODES.map((n) =>
      daemonPod({
        namespace: "kube-system",
        daemonSet: "kube-proxy",
        revision: suffix(`kube-proxy/${n.name}`),
        node: n.name,
        nodeIP: n.ip,
        labels: {
          "controller-revision-hash": "7bb84c4984",
          "k8s-app": "kube-proxy",
          "pod-template-generation": "1",
        },
        containers: [
          {
            name: "kube-proxy",
            image: `registry.k8s.io/kube-proxy:${VERSION}`,
            command: [
              "/usr/local/bin/kube-proxy",
              "--config=/var/lib/kube-proxy/config.conf",
              "--hostname-override=$(NODE_NAME)",
            ],
            env: [
              {
                name: "NODE_NAME",
                valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } },
              },
            ],
            securityContext: { privileged: true },
          },
        ],
        created: n.joined === INIT ? at(INIT, 14) : at(n.joined, 3),
        serviceAccount: "kube-proxy",
      }),
    ),
    ...NODES.map((n) =>
      daemonPod({
        namespace: "kube-flannel",
        daemonSet: "kube-flannel-ds",
        revision: suffix(`flannel/${n.name}`),
        node: n.name,
        nodeIP: n.ip,
        labels: {
          app: "flannel",
          "controller-revision-hash": "66d8f6d4c5",
          "k8s-app": "flannel",
          "pod-template-generation": "1",
          tier: "node",
        },
        containers: [
          {
            name: "kube-flannel",
            image: "ghcr.io/flannel-io/flannel:v0.26.2",
            command: ["/opt/bin/flanneld"],
            args: ["--ip-masq", "--kube-subnet-mgr"],
            env: [
              { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
              {
                name: "POD_NAMESPACE",
                valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } },
              },
              { name: "EVENT_QUEUE_DEPTH", value: "5000" },
            ],
            resources: { requests: { cpu: "100m", memory: "50Mi" } },
            securityContext: { capabilities: { add: ["NET_ADMIN", "NET_RAW"] }, privileged: false },
          },
        ],
        created: n.joined === INIT ? at(INIT, 541) : at(n.joined, 5),
        serviceAccount: "flannel",
        tolerations: [{ effect: "NoSchedule", operator: "Exists" }],
        qosClass: "Burstable",
      }),
    ),
    ...STOREFRONT,
    ...PAYMENTS,
    ...CART,
  ];
}

type PodObj = {
  metadata: { namespace: string; name: string };
  spec: { nodeName: string };
  status: { podIP: string };
};

function endpointsOf(list: Obj[], ready: boolean, hostnames = false) {
  return (list as unknown as PodObj[]).map((p) => ({
    ip: p.status.podIP,
    ready,
    node: p.spec.nodeName,
    pod: { namespace: p.metadata.namespace, name: p.metadata.name },
    ...(hostnames ? { hostname: p.metadata.name } : {}),
  }));
}

function servicesAndSlices(): Obj[] {
  const coredns = (pods() as unknown as PodObj[]).filter((p) => p.metadata.name.startsWith("coredns-"));
  return [
    kubernetesService("10.112.0.1", INIT),
    kubeDnsService("10.112.0.10", at(INIT, 10)),
    service({
      namespace: "shop",
      name: "storefront",
      labels: { app: "storefront" },
      selector: { app: "storefront" },
      type: "NodePort",
      clusterIP: "10.112.84.17",
      ports: [{ name: "http", port: 80, targetPort: "http", nodePort: 31080 }],
      created: at(DEPLOYED, 2),
      manager: "kubectl-create",
    }),
    service({
      namespace: "shop",
      name: "cart-db",
      labels: { app: "cart-db" },
      selector: { app: "cart-db" },
      clusterIP: "None",
      ports: [{ name: "redis", port: 6379, targetPort: 6379 }],
      created: at(DEPLOYED, -130),
      manager: "kubectl-create",
    }),
    service({
      namespace: "shop",
      name: "payments",
      labels: { app: "payments" },
      selector: { app: "payments" },
      clusterIP: "10.112.47.9",
      ports: [{ name: "https", port: 443, targetPort: "https" }],
      created: at(DEPLOYED, 4),
      manager: "kubectl-create",
    }),
    endpointSlice({
      namespace: "default",
      service: "kubernetes",
      name: "kubernetes",
      manager: "kube-apiserver",
      labels: { "kubernetes.io/service-name": "kubernetes" },
      endpoints: [{ ip: CP.ip, ready: true }],
      ports: [{ name: "https", port: 6443 }],
      created: INIT,
      changed: INIT,
    }),
    endpointSlice({
      namespace: "kube-system",
      service: "kube-dns",
      name: `kube-dns-${suffix("kubeadm/kube-dns")}`,
      endpoints: coredns.map((p) => ({
        ip: p.status.podIP,
        ready: true,
        node: p.spec.nodeName,
        pod: { namespace: "kube-system", name: p.metadata.name },
      })),
      ports: [
        { name: "dns-tcp", port: 53 },
        { name: "dns", port: 53, protocol: "UDP" },
        { name: "metrics", port: 9153 },
      ],
      created: at(INIT, 10),
      changed: at(INIT, 560),
    }),
    endpointSlice({
      namespace: "shop",
      service: "storefront",
      name: `storefront-${suffix("kubeadm/storefront")}`,
      endpoints: endpointsOf(STOREFRONT, true),
      ports: [{ name: "http", port: 80 }],
      created: at(DEPLOYED, 2),
      changed: at(DEPLOYED, 6),
    }),
    endpointSlice({
      namespace: "shop",
      service: "cart-db",
      name: `cart-db-${suffix("kubeadm/cart-db")}`,
      labels: {
        "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
        "kubernetes.io/service-name": "cart-db",
        "service.kubernetes.io/headless": "",
      },
      endpoints: endpointsOf(CART, true, true),
      ports: [{ name: "redis", port: 6379 }],
      created: at(DEPLOYED, -130),
      changed: at(DEPLOYED, -100),
    }),
    endpointSlice({
      namespace: "shop",
      service: "payments",
      name: `payments-${suffix("kubeadm/payments")}`,
      endpoints: endpointsOf(PAYMENTS, false),
      ports: [{ name: "https", port: 8443 }],
      created: at(DEPLOYED, 4),
      changed: at(NOW, -596),
    }),
  ];
}

/** Every object of the cluster, as `kubectl get nodes,pods,services,endpointslices,configmaps -A` lists them. */
export function kubeadmCluster(): Obj[] {
  return [...NODES.map(kubeadmNode), ...pods(), ...servicesAndSlices(), ...kubeadmConfigMaps()];
}
