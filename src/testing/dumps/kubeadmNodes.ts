/**
 * The kubeadm cluster's nodes: one control plane and two workers on 192.168.56.0/24, each with a
 * podCIDR of 10.32.0.0/16 from the controller manager and flannel's VXLAN annotations.
 */
import { at, hex, uid } from "./ids";
import { INIT, VERSION } from "./kubeadmConfig";
import { node } from "./objects";

type Obj = Record<string, unknown>;

export const NOW = "2026-12-01T10:15:42Z";

export const NODES = [
  { name: "k8s-cp-1", ip: "192.168.56.10", cidr: "10.32.0.0/24", joined: INIT },
  { name: "k8s-worker-1", ip: "192.168.56.11", cidr: "10.32.1.0/24", joined: at(INIT, 412) },
  { name: "k8s-worker-2", ip: "192.168.56.12", cidr: "10.32.2.0/24", joined: at(INIT, 455) },
] as const;
export const [CP, W1, W2] = NODES;

/** A node as kubeadm joined it, labelled and annotated by the kubelet, kubeadm and flannel. */
export function kubeadmNode(n: (typeof NODES)[number]): Obj {
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
