/**
 * The import report's words as message keys with values. The English templates live here, once:
 * the CLI prints them (`packetwalk --import`), the UI's English catalogue takes them as they are and
 * its Korean one translates every key. What a real tool says (the API server's refusal, a YAML
 * error) is a value and stays the tool's bytes. Values are text, printed as they are (a NodePort is
 * 30000, never 30,000).
 */
export const IMPORT_MESSAGES = {
  "importNote.kindIgnored": "{n} {kind}: a kind Packetwalk does not model",
  "importNote.clock": "the clock starts at {time}, the newest time in the dump",
  "importNote.configRefused": "{message}",
  "importNote.configUnreadable": "ConfigMap {configMap} {key}: {error}",
  "importNote.configMissing": "ConfigMap {configMap} {key}: no {kind} in it",
  "importNote.versionKubeadm": "Kubernetes {version} (from kubeadm-config)",
  "importNote.versionKubelet": "Kubernetes {version} (from the nodes' kubelet version)",
  "importNote.versionDefault": "Kubernetes {version}: no node says its kubelet version",
  "importNote.serviceCidrKubeadm": "service CIDR {cidr} (from kubeadm-config)",
  "importNote.serviceCidrInferred":
    "service CIDR {cidr}: inferred from the default/kubernetes Service's ClusterIP (the range's first address); the dump does not say its prefix length",
  "importNote.serviceCidrEks":
    "service CIDR {cidr}: EKS's default range that holds the default/kubernetes Service's ClusterIP (the nodes' kubelets are EKS's); the dump does not say the range",
  "importNote.serviceCidrDefault":
    "service CIDR {cidr} (kubeadm's default): the dump has no default/kubernetes Service with a ClusterIP",
  "importNote.podCidrKubeadm": "pod CIDR {cidr} (from kubeadm-config)",
  "importNote.podCidrProxy": "pod CIDR {cidr}: inferred from kube-proxy's clusterCIDR",
  "importNote.podCidrNodes": "pod CIDR {cidr}: inferred from the nodes' podCIDRs",
  "importNote.podCidrPods": "pod CIDR {cidr}: inferred from the pods' IPs (no node has a podCIDR)",
  "importNote.podCidrDefault": "pod CIDR {cidr} (kind's default): no node has a podCIDR and no pod an IP",
  "importNote.domainKubeadm": "cluster domain {domain} (from kubeadm-config)",
  "importNote.domainCorefile": "cluster domain {domain} (from the coredns ConfigMap's Corefile)",
  "importNote.domainDefault": "cluster domain {domain} (the default): the dump has no coredns ConfigMap",
  "importNote.forward":
    "CoreDNS forwards names outside the cluster to {upstream}; Packetwalk answers them from its own small internet (see docs/emulation.md)",
  "importNote.clusterDns": "the kubelets' clusterDNS {ip} (kube-system/kube-dns's ClusterIP)",
  "importNote.proxyMode": "kube-proxy in {mode} mode (from {configMap}'s {key})",
  "importNote.proxyNoClusterCidr":
    "kube-proxy's clusterCIDR is empty ({configMap}'s {key}): it cannot tell pod traffic from other traffic, so it masquerades no traffic to a ClusterIP",
  "importNote.proxyDefault":
    "kube-proxy in {mode} mode (its default): the dump has no kube-system/kube-proxy ConfigMap",
  "importNote.nodePortRange":
    "NodePorts range {range} (the API server's default) unless kubeadm-config sets --service-node-port-range",
  "importNote.podRouting":
    "pod-to-pod traffic between nodes is routed straight to the node holding the pod (the CNI's routing and encapsulation are not in a dump)",
  "importNote.loadBalancer":
    "LoadBalancer Services keep the ingress IPs the dump gives; the cloud's load balancer in front of them is not modelled",
  "importNote.declaredPorts":
    "containers of images Packetwalk does not model ({images}) listen on the containerPorts they declare (a real process listens where it listens, declared or not)",
  "importNote.sliceMissingPod": "EndpointSlice {slice} lists pod {pod}, which is not in the dump",
  "importNote.clusterIpOutside": "Service {service}'s ClusterIP {ip} is outside the service CIDR {cidr}",
  "importNote.nodePortOutside": "Service {service}'s NodePort {port} is outside the range {range}",
} as const;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** A report entry's words: a key and its values. */
export interface ImportMessage {
  key: ImportMessageKey;
  values?: Record<string, string>;
}

/** Fills `template`'s `{name}`s from `values` as they are; an unknown name stays. */
export function fillTemplate(template: string, values: Record<string, string> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? values[name]! : all));
}

/** The message in English, as the CLI prints it. */
export function importEnglish(m: ImportMessage): string {
  return fillTemplate(IMPORT_MESSAGES[m.key], m.values);
}
