/**
 * A kubeadm cluster (1.32, one control plane and two workers, flannel) with kube-proxy in IPVS
 * mode and the source-hashing scheduler, a non-default service and pod range and cluster domain;
 * in namespace shop a NodePort Service, a headless Service over a StatefulSet, and a Service whose
 * pods fail their readiness probe.
 */
import { at, hex, pem, suffix, uid } from "./ids";
import { configMap, endpointSlice, node, service } from "./objects";
import { pod } from "./pods";
import { corednsPod, corefile, daemonPod, kubeDnsService, kubernetesService, rootCA } from "./system";

type Obj = Record<string, unknown>;

const INIT = "2026-11-20T14:02:11Z";
const NOW = "2026-12-01T10:15:42Z";
const VERSION = "v1.32.3";
const CA = pem("kubeadm-ca");
const DOMAIN = "corp.internal";

const NODES = [
  { name: "k8s-cp-1", ip: "192.168.56.10", cidr: "10.32.0.0/24", joined: INIT },
  { name: "k8s-worker-1", ip: "192.168.56.11", cidr: "10.32.1.0/24", joined: at(INIT, 412) },
  { name: "k8s-worker-2", ip: "192.168.56.12", cidr: "10.32.2.0/24", joined: at(INIT, 455) },
] as const;
const [CP, W1, W2] = NODES;

function kubeadmNode(n: (typeof NODES)[number]): Obj {
  const cp = n === CP;
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": n.name,
    "kubernetes.io/os": "linux",
    ...(cp
      ? {
          "node-role.kubernetes.io/control-plane": "",
          "node.kubernetes.io/exclude-from-external-load-balancers": "",
        }
      : {}),
  };
  const flannel = {
    "flannel.alpha.coreos.com/backend-data": `{"VNI":1,"VtepMAC":"${hex(`mac:${n.name}`, 12).replace(/(..)(?!$)/g, "$1:")}"}`,
    "flannel.alpha.coreos.com/backend-type": "vxlan",
    "flannel.alpha.coreos.com/kube-subnet-manager": "true",
    "flannel.alpha.coreos.com/public-ip": n.ip,
  };
  return node({
    name: n.name,
    labels,
    annotations: {
      ...flannel,
      "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
      "node.alpha.kubernetes.io/ttl": "0",
      "volumes.kubernetes.io/controller-managed-attach-detach": "true",
    },
    labeller: {
      manager: "kubeadm",
      labels: cp
        ? {
            "node-role.kubernetes.io/control-plane": "",
            "node.kubernetes.io/exclude-from-external-load-balancers": "",
          }
        : {},
      annotations: { "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock" },
    },
    podCIDR: n.cidr,
    ...(cp ? { taints: [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] } : {}),
    addresses: [
      { address: n.ip, type: "InternalIP" },
      { address: n.name, type: "Hostname" },
    ],
    nodeInfo: {
      architecture: "amd64",
      bootID: uid(`boot/${n.name}`),
      containerRuntimeVersion: "containerd://1.7.24",
      kernelVersion: "6.8.0-51-generic",
      kubeProxyVersion: "",
      kubeletVersion: VERSION,
      machineID: hex(`machine/${n.name}`, 32),
      operatingSystem: "linux",
      osImage: "Ubuntu 24.04.1 LTS",
      systemUUID: uid(`system/${n.name}`),
    },
    capacity: {
      cpu: "4",
      "ephemeral-storage": "61611820Ki",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: "8131288Ki",
      pods: "110",
    },
    allocatable: {
      cpu: "4",
      "ephemeral-storage": "56781198325",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: "8028888Ki",
      pods: "110",
    },
    images: [
      {
        names: [
          `registry.k8s.io/kube-proxy@sha256:${hex("image:kube-proxy", 64)}`,
          `registry.k8s.io/kube-proxy:${VERSION}`,
        ],
        sizeBytes: 30905467,
      },
      {
        names: [
          `ghcr.io/flannel-io/flannel@sha256:${hex("image:flannel", 64)}`,
          "ghcr.io/flannel-io/flannel:v0.26.2",
        ],
        sizeBytes: 32264395,
      },
    ],
    created: n.joined,
    heartbeat: NOW,
  });
}

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

const DEPLOYED = at(INIT, 86400 * 3);

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

const KUBE_PROXY_CONF = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: 10.32.0.0/16
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: sh
  strictARP: true
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ipvs
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForAlphaFeatures: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""
`;

const KUBECONFIG_CONF = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://k8s-api.corp.internal:6443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`;

const CLUSTER_CONFIGURATION = `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controlPlaneEndpoint: k8s-api.corp.internal:6443
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${VERSION}
networking:
  dnsDomain: ${DOMAIN}
  podSubnet: 10.32.0.0/16
  serviceSubnet: 10.112.0.0/16
proxy: {}
scheduler: {}
`;

const KUBELET_CONF = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.112.0.10
clusterDomain: ${DOMAIN}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

const FLANNEL_NET = `{
  "Network": "10.32.0.0/16",
  "EnableNFTables": false,
  "Backend": {
    "Type": "vxlan"
  }
}
`;

const FLANNEL_CNI = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

function configMaps(): Obj[] {
  const namespaces = ["default", "kube-flannel", "kube-node-lease", "kube-public", "kube-system", "shop"];
  return [
    ...namespaces.map((ns) =>
      rootCA(ns, ns === "shop" ? at(DEPLOYED, -300) : at(INIT, ns === "kube-flannel" ? 540 : 14), CA),
    ),
    configMap({
      namespace: "kube-flannel",
      name: "kube-flannel-cfg",
      labels: { app: "flannel", "k8s-app": "flannel", tier: "node" },
      annotations: {
        "kubectl.kubernetes.io/last-applied-configuration": `{"apiVersion":"v1","data":{"cni-conf.json":${JSON.stringify(FLANNEL_CNI)},"net-conf.json":${JSON.stringify(FLANNEL_NET)}},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"app":"flannel","k8s-app":"flannel","tier":"node"},"name":"kube-flannel-cfg","namespace":"kube-flannel"}}\n`,
      },
      data: { "cni-conf.json": FLANNEL_CNI, "net-conf.json": FLANNEL_NET },
      created: at(INIT, 540),
      manager: "kubectl-client-side-apply",
    }),
    configMap({
      namespace: "kube-public",
      name: "cluster-info",
      data: {
        kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${Buffer.from(CA).toString("base64")}\n    server: https://k8s-api.corp.internal:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\nusers: null\n`,
      },
      created: at(INIT, 9),
      manager: "kubeadm",
    }),
    configMap({
      namespace: "kube-system",
      name: "coredns",
      data: { Corefile: corefile(DOMAIN) },
      created: at(INIT, 10),
      manager: "kubeadm",
    }),
    configMap({
      namespace: "kube-system",
      name: "extension-apiserver-authentication",
      data: {
        "client-ca-file": CA,
        "requestheader-allowed-names": '["front-proxy-client"]',
        "requestheader-client-ca-file": pem("kubeadm-front-proxy-ca"),
        "requestheader-extra-headers-prefix": '["X-Remote-Extra-"]',
        "requestheader-group-headers": '["X-Remote-Group"]',
        "requestheader-uid-headers": '["X-Remote-Uid"]',
        "requestheader-username-headers": '["X-Remote-User"]',
      },
      created: at(INIT, 3),
      manager: "kube-apiserver",
    }),
    configMap({
      namespace: "kube-system",
      name: "kube-apiserver-legacy-service-account-token-tracking",
      data: { since: "2026-11-20" },
      created: at(INIT, 3),
      manager: "kube-apiserver",
    }),
    configMap({
      namespace: "kube-system",
      name: "kube-proxy",
      labels: { app: "kube-proxy" },
      annotations: {
        "kubeadm.kubernetes.io/component-config.hash": `sha256:${hex("kube-proxy-config", 64)}`,
      },
      data: { "config.conf": KUBE_PROXY_CONF, "kubeconfig.conf": KUBECONFIG_CONF },
      created: at(INIT, 11),
      manager: "kubeadm",
    }),
    configMap({
      namespace: "kube-system",
      name: "kubeadm-config",
      data: { ClusterConfiguration: CLUSTER_CONFIGURATION },
      created: at(INIT, 8),
      manager: "kubeadm",
    }),
    configMap({
      namespace: "kube-system",
      name: "kubelet-config",
      annotations: { "kubeadm.kubernetes.io/component-config.hash": `sha256:${hex("kubelet-config", 64)}` },
      data: { kubelet: KUBELET_CONF },
      created: at(INIT, 8),
      manager: "kubeadm",
    }),
  ];
}

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
  return [...NODES.map(kubeadmNode), ...pods(), ...servicesAndSlices(), ...configMaps()];
}
