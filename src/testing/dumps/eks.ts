/**
 * An Amazon EKS cluster (1.31, a managed node group of three nodes in three zones) with the AWS
 * VPC CNI: pods get addresses from the VPC's subnets, so nodes have no podCIDR; kube-proxy in
 * iptables mode configured from `kube-proxy-config` (key `config`, with `clusterCIDR: ""`), its
 * `kube-proxy` ConfigMap holding only the kubeconfig; no kubeadm-config; a LoadBalancer Service
 * whose ingress is an ELB's hostname.
 */

import { CREATED, eksConfigMaps, NODES_UP, REGION } from "./eksConfig";
import { endpointSlice } from "./endpointSlices";
import { at, hex, suffix, uid } from "./ids";
import { node, service } from "./objects";
import { pod } from "./pods";
import { corednsPod, daemonPod, kubeDnsService, kubernetesService } from "./system";

type Obj = Record<string, unknown>;

const NOW = "2026-12-01T09:58:03Z";
const ECR = `602401143452.dkr.ecr.${REGION}.amazonaws.com`;

const NODES = [
  {
    ip: "192.168.14.201",
    zone: "a",
    zoneId: "usw2-az2",
    instance: "i-0a4c7f1e9b2d35861",
    public: "54.190.22.141",
  },
  {
    ip: "192.168.45.87",
    zone: "b",
    zoneId: "usw2-az1",
    instance: "i-03e8d6b1c2a4f7d90",
    public: "35.88.154.9",
  },
  {
    ip: "192.168.77.12",
    zone: "c",
    zoneId: "usw2-az3",
    instance: "i-0f61b2d9c8e7a4053",
    public: "44.231.67.210",
  },
].map((n, i) => ({
  ...n,
  name: `ip-${n.ip.replace(/\./g, "-")}.${REGION}.compute.internal`,
  az: `${REGION}${n.zone}`,
  joined: at(NODES_UP, i * 9),
}));
const [A, B, C] = NODES as [(typeof NODES)[number], (typeof NODES)[number], (typeof NODES)[number]];

function eksNode(n: (typeof NODES)[number]): Obj {
  return node({
    name: n.name,
    labels: {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/instance-type": "m5.large",
      "beta.kubernetes.io/os": "linux",
      "eks.amazonaws.com/capacityType": "ON_DEMAND",
      "eks.amazonaws.com/nodegroup": "general",
      "eks.amazonaws.com/nodegroup-image": "ami-0c5b1c4e7f1c2d9a8",
      "failure-domain.beta.kubernetes.io/region": REGION,
      "failure-domain.beta.kubernetes.io/zone": n.az,
      "k8s.io/cloud-provider-aws": hex("shop-prod", 32),
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": n.name,
      "kubernetes.io/os": "linux",
      "node.kubernetes.io/instance-type": "m5.large",
      "topology.k8s.aws/zone-id": n.zoneId,
      "topology.kubernetes.io/region": REGION,
      "topology.kubernetes.io/zone": n.az,
    },
    annotations: {
      "alpha.kubernetes.io/provided-node-ip": n.ip,
      "node.alpha.kubernetes.io/ttl": "0",
      "volumes.kubernetes.io/controller-managed-attach-detach": "true",
    },
    providerID: `aws:///${n.az}/${n.instance}`,
    addresses: [
      { address: n.ip, type: "InternalIP" },
      { address: n.public, type: "ExternalIP" },
      { address: n.name, type: "InternalDNS" },
      { address: n.name, type: "Hostname" },
      { address: `ec2-${n.public.replace(/\./g, "-")}.${REGION}.compute.amazonaws.com`, type: "ExternalDNS" },
    ],
    nodeInfo: {
      architecture: "amd64",
      bootID: uid(`boot/${n.name}`),
      containerRuntimeVersion: "containerd://1.7.23",
      kernelVersion: "6.1.119-129.201.amzn2023.x86_64",
      kubeProxyVersion: "",
      kubeletVersion: "v1.31.4-eks-aeac579",
      machineID: `ec2${hex(`machine/${n.name}`, 29)}`,
      operatingSystem: "linux",
      osImage: "Amazon Linux 2023.6.20241212",
      systemUUID: `ec2${hex(`system/${n.name}`, 5)}-${hex(`s2/${n.name}`, 4)}-${hex(`s3/${n.name}`, 4)}-${hex(`s4/${n.name}`, 4)}-${hex(`s5/${n.name}`, 12)}`,
    },
    capacity: {
      cpu: "2",
      "ephemeral-storage": "20893676Ki",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: "7910348Ki",
      pods: "29",
    },
    allocatable: {
      cpu: "1930m",
      "ephemeral-storage": "18181869946",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: "7220172Ki",
      pods: "29",
    },
    images: [
      {
        names: [
          `${ECR}/amazon-k8s-cni@sha256:${hex("image:cni", 64)}`,
          `${ECR}/amazon-k8s-cni:v1.19.0-eksbuild.1`,
        ],
        sizeBytes: 44071839,
      },
      {
        names: [
          `${ECR}/eks/kube-proxy@sha256:${hex("image:eks-kube-proxy", 64)}`,
          `${ECR}/eks/kube-proxy:v1.31.3-minimal-eksbuild.2`,
        ],
        sizeBytes: 32781212,
      },
    ],
    created: n.joined,
    heartbeat: NOW,
  });
}

type Node = (typeof NODES)[number];

function frontendPod(n: Node, ip: string): Obj {
  const rs = "frontend-5f7c9d8b6d";
  return pod({
    namespace: "shop",
    name: `${rs}-${suffix(`eks/${ip}`)}`,
    generateName: `${rs}-`,
    owner: { apiVersion: "apps/v1", kind: "ReplicaSet", name: rs, uid: uid(`replicaset/shop/${rs}`) },
    labels: { app: "frontend", "pod-template-hash": "5f7c9d8b6d" },
    node: n.name,
    hostIP: n.ip,
    podIP: ip,
    containers: [
      {
        name: "frontend",
        image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/shop/frontend:v3.2.0",
        ports: [{ containerPort: 8080, name: "http" }],
        readinessProbe: {
          failureThreshold: 3,
          httpGet: { path: "/healthz", port: "http", scheme: "HTTP" },
          periodSeconds: 5,
          successThreshold: 1,
          timeoutSeconds: 1,
        },
      },
    ],
    created: at(NODES_UP, 3600),
  });
}

const FRONTEND = [
  frontendPod(A, "192.168.9.40"),
  frontendPod(B, "192.168.33.101"),
  frontendPod(C, "192.168.70.5"),
];

const COREDNS = [
  { n: A, ip: "192.168.20.15", name: "coredns-6b9575c64c-q2w7x" },
  { n: B, ip: "192.168.50.33", name: "coredns-6b9575c64c-zt5hm" },
].map((c) =>
  corednsPod({
    replicaSet: "coredns-6b9575c64c",
    name: c.name,
    node: c.n.name,
    nodeIP: c.n.ip,
    podIP: c.ip,
    image: `${ECR}/eks/coredns:v1.11.3-eksbuild.2`,
    created: at(NODES_UP, 40),
    controlPlaneToleration: false,
  }),
);

function daemons(): Obj[] {
  return NODES.flatMap((n) => [
    daemonPod({
      namespace: "kube-system",
      daemonSet: "aws-node",
      revision: suffix(`aws-node/${n.name}`),
      node: n.name,
      nodeIP: n.ip,
      labels: {
        "app.kubernetes.io/instance": "aws-vpc-cni",
        "app.kubernetes.io/name": "aws-node",
        "controller-revision-hash": "5c8b9f6c7d",
        "k8s-app": "aws-node",
        "pod-template-generation": "2",
      },
      containers: [
        {
          name: "aws-node",
          image: `${ECR}/amazon-k8s-cni:v1.19.0-eksbuild.1`,
          ports: [{ containerPort: 61678, hostPort: 61678, name: "metrics" }],
          env: [
            { name: "AWS_VPC_K8S_CNI_EXTERNALSNAT", value: "false" },
            { name: "AWS_VPC_K8S_CNI_RANDOMIZESNAT", value: "prng" },
            {
              name: "MY_NODE_NAME",
              valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } },
            },
            { name: "WARM_ENI_TARGET", value: "1" },
          ],
          resources: { requests: { cpu: "25m" } },
          securityContext: { capabilities: { add: ["NET_ADMIN", "NET_RAW"] } },
        },
      ],
      created: at(n.joined, 2),
      serviceAccount: "aws-node",
      qosClass: "Burstable",
    }),
    daemonPod({
      namespace: "kube-system",
      daemonSet: "kube-proxy",
      revision: suffix(`eks-kube-proxy/${n.name}`),
      node: n.name,
      nodeIP: n.ip,
      labels: {
        "controller-revision-hash": "7d5d9b8f4c",
        "k8s-app": "kube-proxy",
        "pod-template-generation": "1",
      },
      containers: [
        {
          name: "kube-proxy",
          image: `${ECR}/eks/kube-proxy:v1.31.3-minimal-eksbuild.2`,
          command: [
            "kube-proxy",
            "--v=2",
            "--config=/var/lib/kube-proxy-config/config",
            "--hostname-override=$(NODE_NAME)",
          ],
          env: [
            { name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } },
          ],
          resources: { requests: { cpu: "100m" } },
          securityContext: { privileged: true },
        },
      ],
      created: at(n.joined, 2),
      serviceAccount: "kube-proxy",
      qosClass: "Burstable",
    }),
  ]);
}

type PodObj = {
  metadata: { namespace: string; name: string };
  spec: { nodeName: string };
  status: { podIP: string };
};

function endpoints(list: Obj[], zoneOf = (node: string) => NODES.find((n) => n.name === node)?.az) {
  return (list as unknown as PodObj[]).map((p) => ({
    ip: p.status.podIP,
    ready: true,
    node: p.spec.nodeName,
    pod: { namespace: p.metadata.namespace, name: p.metadata.name },
    zone: zoneOf(p.spec.nodeName),
  }));
}

const ELB = `a${hex("elb", 31)}-${Number.parseInt(hex("elb-id", 8), 16) % 2000000000}.${REGION}.elb.amazonaws.com`;

function servicesAndSlices(): Obj[] {
  return [
    kubernetesService("10.100.0.1", CREATED),
    kubeDnsService("10.100.0.10", at(CREATED, 618), {
      labels: {
        "eks.amazonaws.com/component": "kube-dns",
        "k8s-app": "kube-dns",
        "kubernetes.io/cluster-service": "true",
        "kubernetes.io/name": "CoreDNS",
      },
      manager: "eks",
    }),
    service({
      namespace: "shop",
      name: "frontend",
      annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "classic" },
      labels: { app: "frontend" },
      selector: { app: "frontend" },
      type: "LoadBalancer",
      clusterIP: "10.100.148.62",
      ports: [{ name: "http", port: 80, targetPort: "http", nodePort: 30412 }],
      created: at(NODES_UP, 3590),
      manager: "kubectl-client-side-apply",
      ingress: [{ hostname: ELB }],
      statusManager: "aws-cloud-controller-manager",
      finalizers: ["service.kubernetes.io/load-balancer-cleanup"],
    }),
    endpointSlice({
      namespace: "default",
      service: "kubernetes",
      name: "kubernetes",
      manager: "kube-apiserver",
      labels: { "kubernetes.io/service-name": "kubernetes" },
      endpoints: [
        { ip: "192.168.110.37", ready: true },
        { ip: "192.168.161.9", ready: true },
      ],
      ports: [{ name: "https", port: 443 }],
      created: CREATED,
      changed: at(NOW, -3600),
    }),
    endpointSlice({
      namespace: "kube-system",
      service: "kube-dns",
      name: `kube-dns-${suffix("eks/kube-dns")}`,
      endpoints: endpoints(COREDNS),
      ports: [
        { name: "dns-tcp", port: 53 },
        { name: "dns", port: 53, protocol: "UDP" },
        { name: "metrics", port: 9153 },
      ],
      created: at(CREATED, 618),
      changed: at(NODES_UP, 46),
    }),
    endpointSlice({
      namespace: "shop",
      service: "frontend",
      name: `frontend-${suffix("eks/frontend")}`,
      endpoints: endpoints(FRONTEND),
      ports: [{ name: "http", port: 8080 }],
      created: at(NODES_UP, 3590),
      changed: at(NODES_UP, 3606),
    }),
  ];
}

/** Every object of the cluster, as `kubectl get nodes,pods,services,endpointslices,configmaps -A` lists them. */
export function eksCluster(): Obj[] {
  return [
    ...NODES.map(eksNode),
    ...daemons(),
    ...COREDNS,
    ...FRONTEND,
    ...servicesAndSlices(),
    ...eksConfigMaps(),
  ];
}
