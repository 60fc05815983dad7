import type { JSONSchema } from "monaco-yaml";
import type { IpvsScheduler } from "../../../../engine/api/configTypes";

// The config kinds, written by hand with the field descriptions of their upstream API references
// (kubeadm v1beta4, kubelet v1beta1, kube-proxy v1alpha1, MetalLB v1beta1). Only the fields a lesson
// meets are listed; unknown fields stay allowed, as the real components would reject or ignore them.

const str = (description: string): JSONSchema => ({ type: "string", description });
const strings = (description: string): JSONSchema => ({
  type: "array",
  items: { type: "string" },
  description,
});
const bool = (description: string): JSONSchema => ({ type: "boolean", description });

const typeMeta = (apiVersions: string[], kind: string): Record<string, JSONSchema> => ({
  apiVersion: {
    type: "string",
    enum: apiVersions,
    description:
      "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.",
  },
  kind: {
    type: "string",
    enum: [kind],
    description: "Kind is a string value representing the REST resource this object represents.",
  },
});

const extraArgs: JSONSchema = {
  description:
    "extraArgs is an extra set of flags to pass to the control plane component. An argument name in this list is the flag name as it appears on the command line except without leading dash(es). Extra arguments will override existing default arguments. Duplicate extra arguments are allowed. (v1beta3 writes a map of flag name to value; v1beta4 a list of name/value pairs.)",
  anyOf: [
    { type: "object", additionalProperties: { type: "string" } },
    {
      type: "array",
      items: {
        type: "object",
        required: ["name", "value"],
        properties: {
          name: str("Name is the Name of the argument."),
          value: str("Value is the Value of the argument."),
        },
      },
    },
  ],
};

const clusterConfiguration: JSONSchema = {
  type: "object",
  description: "ClusterConfiguration contains cluster-wide configuration for a kubeadm cluster.",
  required: ["apiVersion", "kind"],
  properties: {
    ...typeMeta(["kubeadm.k8s.io/v1beta3", "kubeadm.k8s.io/v1beta4"], "ClusterConfiguration"),
    kubernetesVersion: str("kubernetesVersion is the target version of the control plane."),
    clusterName: str("The cluster name."),
    controlPlaneEndpoint: str(
      "controlPlaneEndpoint sets a stable IP address or DNS name for the control plane; It can be a valid IP address or a RFC-1123 DNS subdomain, both with optional TCP port. In case the controlPlaneEndpoint is not specified, the advertiseAddress + bindPort are used; in case the controlPlaneEndpoint is specified but without a TCP port, the bindPort is used.",
    ),
    imageRepository: str(
      "imageRepository sets the container registry to pull images from. If empty, `registry.k8s.io` will be used by default.",
    ),
    networking: {
      type: "object",
      description: "networking holds configuration for the networking topology of the cluster.",
      properties: {
        serviceSubnet: str(
          'serviceSubnet is the subnet used by Kubernetes Services. Defaults to "10.96.0.0/12".',
        ),
        podSubnet: str("podSubnet is the subnet used by Pods."),
        dnsDomain: str(
          'dnsDomain is the DNS domain used by Kubernetes Services. Defaults to "cluster.local".',
        ),
      },
    },
    apiServer: {
      type: "object",
      description: "apiServer contains extra settings for the API server.",
      properties: {
        extraArgs,
        certSANs: strings("certSANs sets extra Subject Alternative Names for the API Server signing cert."),
      },
    },
  },
};

const kubeletConfiguration: JSONSchema = {
  type: "object",
  description: "KubeletConfiguration contains the configuration for the Kubelet.",
  required: ["apiVersion", "kind"],
  properties: {
    ...typeMeta(["kubelet.config.k8s.io/v1beta1"], "KubeletConfiguration"),
    clusterDNS: strings(
      "clusterDNS is a list of IP addresses for the cluster DNS server. If set, kubelet will configure all containers to use this for DNS resolution instead of the host's DNS servers. Default: nil",
    ),
    clusterDomain: str(
      'clusterDomain is the DNS domain for this cluster. If set, kubelet will configure all containers to search this domain in addition to the host\'s search domains. Default: ""',
    ),
    resolvConf: str(
      'resolvConf is the resolver configuration file used as the basis for the container DNS resolution configuration. If set to the empty string, will override the default and effectively disable DNS lookups. Default: "/etc/resolv.conf"',
    ),
    maxPods: {
      type: "integer",
      description: "maxPods is the maximum number of Pods that can run on this Kubelet. Default: 110",
    },
  },
};

/** What each IPVS scheduler does (ipvsadm(8)); typed over IpvsScheduler, so a new scheduler needs its line. */
const IPVS_SCHEDULER_HELP: Record<IpvsScheduler | "", string> = {
  "": "the default: round robin",
  rr: "round robin: distributes jobs equally amongst the available real servers",
  wrr: "weighted round robin: assigns jobs to real servers proportionally to their weights",
  lc: "least connection: assigns more jobs to real servers with fewer active jobs",
  wlc: "weighted least connection: assigns more jobs to servers with fewer jobs, relative to their weights",
  lblc: "locality-based least connection: assigns jobs destined for the same IP address to the same server if it is not overloaded",
  lblcr: "locality-based least connection with replication",
  dh: "destination hashing: assigns jobs to servers by looking up a hash table of destination IP addresses",
  sh: "source hashing: assigns jobs to servers by looking up a hash table of source IP addresses",
  sed: "shortest expected delay: assigns an incoming job to the server with the shortest expected delay",
  nq: "never queue: assigns an incoming job to an idle server if there is one, else uses shortest expected delay",
  mh: "maglev hashing: assigns jobs to servers with Google's Maglev consistent hashing",
};

const IPVS_SCHEDULERS = Object.entries(IPVS_SCHEDULER_HELP);

const masquerade = (mode: string): Record<string, JSONSchema> => ({
  masqueradeBit: {
    type: "integer",
    minimum: 0,
    maximum: 31,
    description: `masqueradeBit is the bit of the ${mode} fwmark space to use for SNAT if using the ${mode} proxy mode. Values must be within the range [0, 31].`,
  },
  masqueradeAll: bool(
    `masqueradeAll tells kube-proxy to SNAT all traffic sent to Service cluster IPs, when using the ${mode} proxy mode. This may be required with some CNI plugins.`,
  ),
  syncPeriod: str(
    "syncPeriod is an interval (e.g. '5s', '1m', '2h22m') indicating how frequently various re-synchronizing and cleanup operations are performed. Must be greater than 0.",
  ),
  minSyncPeriod: str(
    "minSyncPeriod is the minimum period between rule resyncs (e.g. '5s', '1m', '2h22m'). A value of 0 means every Service or EndpointSlice change will result in an immediate resync.",
  ),
});

const kubeProxyConfiguration: JSONSchema = {
  type: "object",
  description:
    "KubeProxyConfiguration contains everything necessary to configure the Kubernetes proxy server.",
  required: ["apiVersion", "kind"],
  properties: {
    ...typeMeta(["kubeproxy.config.k8s.io/v1alpha1"], "KubeProxyConfiguration"),
    mode: {
      type: "string",
      enum: ["", "iptables", "ipvs", "nftables"],
      enumDescriptions: ["the default (iptables on Linux)", "iptables mode", "IPVS mode", "nftables mode"],
      description:
        "mode specifies which proxy mode to use. Three modes of proxy are available on Linux platforms: `iptables`, `ipvs`, and `nftables`. If the proxy mode is unspecified, the default proxy mode will be used (currently this is `iptables` on Linux). If the selected proxy mode cannot be used (due to lack of kernel support, missing userspace components, etc) then kube-proxy will exit with an error.",
    },
    clusterCIDR: str(
      "clusterCIDR is the CIDR range of the pods in the cluster. (For dual-stack clusters, this can be a comma-separated dual-stack pair of CIDR ranges.). When DetectLocalMode is set to ClusterCIDR, kube-proxy will consider traffic to be local if its source IP is in this range. (Otherwise it is not used.)",
    ),
    nodePortAddresses: strings(
      "nodePortAddresses is a list of CIDR ranges that contain valid node IPs, or alternatively, the single string 'primary'. If set to a list of CIDRs, connections to NodePort services will only be accepted on node IPs in one of the indicated ranges. If set to 'primary', NodePort services will only be accepted on the node's primary IPv4 and/or IPv6 address according to the Node object. If unset, NodePort connections will be accepted on all local IPs.",
    ),
    iptables: {
      type: "object",
      description: "iptables contains iptables-related configuration options.",
      properties: masquerade("iptables"),
    },
    ipvs: {
      type: "object",
      description: "ipvs contains ipvs-related configuration options.",
      properties: {
        scheduler: {
          type: "string",
          enum: IPVS_SCHEDULERS.map(([name]) => name),
          enumDescriptions: IPVS_SCHEDULERS.map(([, text]) => text),
          description: "scheduler is the IPVS scheduler to use",
        },
        strictARP: bool(
          "strictARP configures arp_ignore and arp_announce to avoid answering ARP queries from kube-ipvs0 interface",
        ),
        ...masquerade("ipvs"),
      },
    },
    nftables: {
      type: "object",
      description: "nftables contains nftables-related configuration options.",
      properties: masquerade("nftables"),
    },
  },
};

const ipAddressPool: JSONSchema = {
  type: "object",
  description:
    "IPAddressPool represents a pool of IP addresses that can be allocated to LoadBalancer services.",
  required: ["apiVersion", "kind", "spec"],
  properties: {
    ...typeMeta(["metallb.io/v1beta1"], "IPAddressPool"),
    metadata: { $ref: "#/definitions/meta.v1.ObjectMeta" },
    spec: {
      type: "object",
      description: "IPAddressPoolSpec defines the desired state of IPAddressPool.",
      required: ["addresses"],
      properties: {
        addresses: strings(
          "A list of IP address ranges over which MetalLB has authority. You can list multiple ranges in a single pool, they will all share the same settings. Each range can be either a CIDR prefix, or an explicit start-end range of IPs.",
        ),
        autoAssign: {
          type: "boolean",
          default: true,
          description: "AutoAssign flag used to prevent MetallB from automatic allocation for a pool.",
        },
        avoidBuggyIPs: {
          type: "boolean",
          default: false,
          description: "AvoidBuggyIPs prevents addresses ending with .0 and .255 to be used by a pool.",
        },
      },
    },
  },
};

/** A kind the editor dispatches on, with its schema. */
export interface KindSchema {
  apiVersions: string[];
  kind: string;
  schema: JSONSchema;
}

/** The hand-written config kinds. */
export const CONFIG_KINDS: KindSchema[] = [
  {
    apiVersions: ["kubeadm.k8s.io/v1beta3", "kubeadm.k8s.io/v1beta4"],
    kind: "ClusterConfiguration",
    schema: clusterConfiguration,
  },
  {
    apiVersions: ["kubelet.config.k8s.io/v1beta1"],
    kind: "KubeletConfiguration",
    schema: kubeletConfiguration,
  },
  {
    apiVersions: ["kubeproxy.config.k8s.io/v1alpha1"],
    kind: "KubeProxyConfiguration",
    schema: kubeProxyConfiguration,
  },
  { apiVersions: ["metallb.io/v1beta1"], kind: "IPAddressPool", schema: ipAddressPool },
];
