/** kubeadm's CoreDNS addon (`cmd/kubeadm/app/phases/addons/dns/manifests.go`): Service, Deployment, Corefile. */
import type { Cluster } from "../cluster";

/** The CoreDNS image kubeadm deploys for the cluster's version. */
export function corednsImage(cluster: Cluster): string {
  if (cluster.atLeast(1, 34)) return "registry.k8s.io/coredns/coredns:v1.12.1";
  if (cluster.atLeast(1, 33)) return "registry.k8s.io/coredns/coredns:v1.12.0";
  if (cluster.atLeast(1, 31)) return "registry.k8s.io/coredns/coredns:v1.11.3";
  if (cluster.atLeast(1, 29)) return "registry.k8s.io/coredns/coredns:v1.11.1";
  if (cluster.atLeast(1, 27)) return "registry.k8s.io/coredns/coredns:v1.10.1";
  if (cluster.atLeast(1, 25)) return "registry.k8s.io/coredns/coredns:v1.9.3";
  if (cluster.atLeast(1, 23)) return "k8s.gcr.io/coredns/coredns:v1.8.6";
  if (cluster.atLeast(1, 21)) return "k8s.gcr.io/coredns/coredns:v1.8.0";
  return "k8s.gcr.io/coredns:1.7.0";
}

const DNS_LABELS = { "k8s-app": "kube-dns" };

/** The `kube-system/kube-dns` Service at the 10th address of the service subnet. */
export function kubeDnsService(clusterIP: string): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      labels: {
        "k8s-app": "kube-dns",
        "kubernetes.io/cluster-service": "true",
        "kubernetes.io/name": "CoreDNS",
      },
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    },
    spec: {
      clusterIP,
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
      selector: { ...DNS_LABELS },
    },
  };
}

/** The `kube-system/coredns` Deployment (two replicas). */
export function corednsDeployment(cluster: Cluster): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "coredns", namespace: "kube-system", labels: { ...DNS_LABELS } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...DNS_LABELS } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { ...DNS_LABELS } },
        spec: {
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "coredns",
          tolerations: [
            { key: "CriticalAddonsOnly", operator: "Exists" },
            { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
          ],
          nodeSelector: { "kubernetes.io/os": "linux" },
          containers: [
            {
              name: "coredns",
              image: corednsImage(cluster),
              imagePullPolicy: "IfNotPresent",
              resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
              args: ["-conf", "/etc/coredns/Corefile"],
              ports: [
                { containerPort: 53, name: "dns", protocol: "UDP" },
                { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                { containerPort: 9153, name: "metrics", protocol: "TCP" },
              ],
            },
          ],
          dnsPolicy: "Default",
        },
      },
    },
  };
}

/**
 * The `kube-system/coredns` ConfigMap with kubeadm's Corefile.
 * NOTE: kubeadm's template also sets `ttl 30` in the kubernetes block; Packetwalk
 * leaves it out so answers carry the kubernetes plugin's default TTL of 5 s, as
 * the seed's cluster (Kubespray) and the DNS lesson show. Apply a Corefile with
 * `ttl 30` to see kubeadm's TTL.
 */
export function corednsConfigMap(dnsDomain: string): Record<string, unknown> {
  const corefile = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${dnsDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${dnsDomain}
       disable denial ${dnsDomain}
    }
    loop
    reload
    loadbalance
}
`;
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "coredns", namespace: "kube-system" },
    data: { Corefile: corefile },
  };
}
