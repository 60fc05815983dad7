/**
 * The EKS cluster's ConfigMaps: kube-proxy's configuration where EKS keeps it
 * (`kube-proxy-config`, key `config`, `clusterCIDR: ""`), the `kube-proxy` ConfigMap with only
 * its kubeconfig, CoreDNS's Corefile, aws-auth, the VPC CNI's settings and the CA bundles.
 */
import { at, hex, pem } from "./ids";
import { configMap } from "./objects";
import { corefile, rootCA } from "./system";

type Obj = Record<string, unknown>;

export const CREATED = "2026-10-02T07:41:09Z";
export const NODES_UP = "2026-11-28T03:12:40Z";
export const REGION = "us-west-2";
const CA = pem("eks-ca");

const PROXY_CONFIG = `kind: KubeProxyConfiguration
apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clientConnection:
  acceptContentTypes: ""
  burst: 10
  contentType: application/vnd.kubernetes.protobuf
  kubeconfig: /var/lib/kube-proxy/kubeconfig
  qps: 5
clusterCIDR: ""
configSyncPeriod: 15m0s
conntrack:
  maxPerCore: 32768
  min: 131072
  tcpCloseWaitTimeout: 1h0m0s
  tcpEstablishedTimeout: 24h0m0s
enableProfiling: false
healthzBindAddress: 0.0.0.0:10256
hostnameOverride: ""
iptables:
  masqueradeAll: false
  masqueradeBit: 14
  minSyncPeriod: 0s
  syncPeriod: 30s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  syncPeriod: 30s
metricsBindAddress: 0.0.0.0:10249
mode: "iptables"
nodePortAddresses: null
oomScoreAdj: -998
portRange: ""
udpIdleTimeout: 250ms
`;

const PROXY_KUBECONFIG = `kind: Config
apiVersion: v1
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://${hex("endpoint", 32).toUpperCase()}.gr7.${REGION}.eks.amazonaws.com
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

/** EKS's ConfigMaps: kube-proxy (the kubeconfig only), kube-proxy-config, coredns, aws-auth, the VPC CNI's, and every namespace's CA bundle. */
export function eksConfigMaps(): Obj[] {
  const eksLabels = { "eks.amazonaws.com/component": "kube-proxy", "k8s-app": "kube-proxy" };
  return [
    ...["default", "kube-node-lease", "kube-public", "kube-system"].map((ns) =>
      rootCA(ns, at(CREATED, 31), CA),
    ),
    rootCA("shop", at(NODES_UP, 3500), CA),
    configMap({
      namespace: "kube-system",
      name: "amazon-vpc-cni",
      labels: {
        "app.kubernetes.io/instance": "aws-vpc-cni",
        "app.kubernetes.io/name": "aws-node",
        "app.kubernetes.io/version": "v1.19.0",
      },
      data: {
        "branch-eni-cooldown": "60",
        "enable-network-policy-controller": "false",
        "enable-windows-ipam": "false",
        "enable-windows-prefix-delegation": "false",
        "minimum-ip-target": "3",
        "warm-ip-target": "1",
        "warm-prefix-target": "0",
      },
      created: at(CREATED, 620),
      manager: "eks",
    }),
    configMap({
      namespace: "kube-system",
      name: "aws-auth",
      data: {
        mapRoles: `- groups:\n  - system:bootstrappers\n  - system:nodes\n  rolearn: arn:aws:iam::123456789012:role/eks-node-group-general\n  username: system:node:{{EC2PrivateDNSName}}\n`,
      },
      created: at(NODES_UP, -40),
      manager: "eks-nodegroup",
    }),
    configMap({
      namespace: "kube-system",
      name: "coredns",
      labels: { "eks.amazonaws.com/component": "coredns", "k8s-app": "kube-dns" },
      data: { Corefile: corefile("cluster.local").replace(/ {4}cache 30 \{\n[^}]*\}\n/, "    cache 30\n") },
      created: at(CREATED, 618),
      manager: "eks",
    }),
    configMap({
      namespace: "kube-system",
      name: "kube-proxy",
      labels: eksLabels,
      data: { kubeconfig: PROXY_KUBECONFIG },
      created: at(CREATED, 619),
      manager: "eks",
    }),
    configMap({
      namespace: "kube-system",
      name: "kube-proxy-config",
      labels: eksLabels,
      data: { config: PROXY_CONFIG },
      created: at(CREATED, 619),
      manager: "eks",
    }),
  ];
}
