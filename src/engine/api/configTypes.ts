/**
 * Cluster configuration, written as the real kinds a user already knows:
 * kubeadm's ClusterConfiguration, kubelet's KubeletConfiguration,
 * kube-proxy's KubeProxyConfiguration and MetalLB's IPAddressPool (the
 * simulated load-balancer pool). Only the fields Packetwalk reads are typed.
 */
export interface ClusterConfiguration {
  apiVersion: "kubeadm.k8s.io/v1beta3" | "kubeadm.k8s.io/v1beta4";
  kind: "ClusterConfiguration";
  metadata?: { name?: string };
  kubernetesVersion?: string;
  clusterName?: string;
  controlPlaneEndpoint?: string;
  networking?: {
    serviceSubnet?: string;
    podSubnet?: string;
    dnsDomain?: string;
  };
  apiServer?: { extraArgs?: Record<string, string> | { name: string; value: string }[] };
}

export interface KubeletConfiguration {
  apiVersion: "kubelet.config.k8s.io/v1beta1";
  kind: "KubeletConfiguration";
  metadata?: { name?: string };
  clusterDNS?: string[];
  clusterDomain?: string;
}

export const PROXY_MODES = ["iptables", "ipvs", "nftables"] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

export const IPVS_SCHEDULERS = [
  "rr",
  "wrr",
  "lc",
  "wlc",
  "lblc",
  "lblcr",
  "dh",
  "sh",
  "sed",
  "nq",
  "mh",
] as const;
export type IpvsScheduler = (typeof IPVS_SCHEDULERS)[number];

export interface KubeProxyConfiguration {
  apiVersion: "kubeproxy.config.k8s.io/v1alpha1";
  kind: "KubeProxyConfiguration";
  metadata?: { name?: string };
  mode?: ProxyMode | "";
  clusterCIDR?: string;
  /** `ClusterCIDR` (the default) or `NodeCIDR`; the bridge and interface modes are not modelled. */
  detectLocalMode?: string;
  ipvs?: { scheduler?: IpvsScheduler | ""; strictARP?: boolean };
  iptables?: { masqueradeBit?: number; masqueradeAll?: boolean };
  /** nftables mode's own masquerade settings (kube-proxy reads these instead of `iptables` in that mode). */
  nftables?: { masqueradeBit?: number; masqueradeAll?: boolean };
  nodePortAddresses?: string[];
}

/** kube-proxy's local-traffic detectors Packetwalk models (`--detect-local-mode`). */
export type DetectLocalMode = "ClusterCIDR" | "NodeCIDR";

export interface IPAddressPool {
  apiVersion: "metallb.io/v1beta1";
  kind: "IPAddressPool";
  metadata?: { name?: string; namespace?: string };
  spec: { addresses: string[]; autoAssign?: boolean };
}

/**
 * The configuration every part of the engine reads, resolved from the kinds
 * above with kubeadm's, kubelet's and kube-proxy's defaults filled in.
 */
export interface ClusterConfig {
  /** `v1.35.0` by default; older versions change what kubectl prints. */
  kubernetesVersion: string;
  serviceSubnet: string;
  podSubnet: string;
  dnsDomain: string;
  clusterDNS: string[];
  nodePortRange: { base: number; size: number };
  proxyMode: ProxyMode;
  ipvsScheduler: IpvsScheduler;
  masqueradeBit: number;
  /**
   * kube-proxy's `clusterCIDR` (local traffic detection): the pod subnet when not set; `""` when
   * kube-proxy has none, so nothing is masqueraded for being from outside the pod network.
   */
  clusterCIDR?: string;
  /** `detectLocalMode`: ClusterCIDR when not set. */
  detectLocalMode?: DetectLocalMode;
  /** `masqueradeAll` (`iptables.masqueradeAll`, or `nftables.masqueradeAll` in nftables mode). */
  masqueradeAll?: boolean;
  /** Load-balancer address ranges (MetalLB IPAddressPools); empty means LoadBalancer stays `<pending>`. */
  loadBalancerPools: { name: string; addresses: string[]; autoAssign: boolean }[];
}

export const DEFAULT_KUBERNETES_VERSION = "v1.35.0";
