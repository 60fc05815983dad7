/**
 * The kubeadm cluster's ConfigMaps: kubeadm-config's ClusterConfiguration (a non-default service
 * and pod range and cluster domain), kube-proxy's config.conf (IPVS, scheduler sh) and
 * kubeconfig.conf, kubelet-config, the Corefile, flannel's net-conf.json, the API server's and
 * the CA bundles.
 */
import { at, hex, pem } from "./ids";
import { configMap } from "./objects";
import { corefile, rootCA } from "./system";

type Obj = Record<string, unknown>;

export const INIT = "2026-11-20T14:02:11Z";
export const DEPLOYED = at(INIT, 86400 * 3);
export const DOMAIN = "corp.internal";
export const VERSION = "v1.32.3";
const CA = pem("kubeadm-ca");

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

/** kubeadm's ConfigMaps (kubeadm-config, kube-proxy, kubelet-config, coredns, ...), flannel's, and every namespace's CA bundle. */
export function kubeadmConfigMaps(): Obj[] {
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
