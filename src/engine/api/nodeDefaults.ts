/**
 * What a kubelet registers for its Node (labels, addresses, capacity,
 * conditions, nodeInfo) and the podCIDR the node IPAM controller carves.
 */
import type { Cluster } from "../cluster";
import { numberToIp, parseCidr } from "./ipv4";

/** The i-th /24 of the pod subnet (kube-controller-manager `--node-cidr-mask-size` 24). */
export function carvePodCIDR(podSubnet: string, i: number): string | undefined {
  const net = parseCidr(podSubnet);
  if (!net || net.prefix > 24) return undefined;
  const start = net.network + i * 256;
  return start + 256 <= net.network + net.size ? `${numberToIp(start)}/24` : undefined;
}

type NodeObject = Record<string, unknown> & {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

const CAPACITY = {
  cpu: "8",
  "ephemeral-storage": "102683576Ki",
  "hugepages-1Gi": "0",
  "hugepages-2Mi": "0",
  memory: "16365128Ki",
  pods: "110",
};

/**
 * Fills what a kind node reports for itself, keeping what the given object sets.
 * NOTE: 1.31+ kubelets may leave `kubeProxyVersion` empty (DisableNodeKubeProxyVersion);
 * we keep reporting it.
 */
export function defaultNode(
  cluster: Cluster,
  node: NodeObject,
  index: number,
  controlPlane: boolean,
): NodeObject {
  const name = node.metadata.name;
  const version = cluster.config.kubernetesVersion;
  const at = cluster.clock.iso();
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
    ...(controlPlane
      ? {
          "node-role.kubernetes.io/control-plane": "",
          "node.kubernetes.io/exclude-from-external-load-balancers": "",
        }
      : {}),
    ...node.metadata.labels,
  };
  const podCIDR = (node.spec?.podCIDR as string | undefined) ?? carvePodCIDR(cluster.config.podSubnet, index);
  const spec: Record<string, unknown> = {
    ...(podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {}),
    providerID: `kind://docker/kind/${name}`,
    ...(controlPlane
      ? { taints: [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] }
      : {}),
    ...node.spec,
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: at,
    lastTransitionTime: at,
    message,
    reason,
    status,
    type,
  });
  const status = node.status ?? {};
  const addresses = (status.addresses as { type: string; address: string }[] | undefined) ?? [
    { address: `172.18.0.${index + 2}`, type: "InternalIP" },
  ];
  if (!addresses.some((a) => a.type === "Hostname")) addresses.push({ address: name, type: "Hostname" });
  return {
    ...node,
    apiVersion: "v1",
    kind: "Node",
    metadata: { ...node.metadata, labels },
    spec,
    status: {
      addresses,
      allocatable: { ...CAPACITY },
      capacity: { ...CAPACITY },
      conditions: [
        condition(
          "MemoryPressure",
          "False",
          "KubeletHasSufficientMemory",
          "kubelet has sufficient memory available",
        ),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: "containerd://2.1.3",
        kernelVersion: "6.8.0-60-generic",
        kubeProxyVersion: version,
        kubeletVersion: version,
        machineID: "",
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        systemUUID: "",
      },
      ...status,
      ...(status.addresses ? {} : { addresses }),
    },
  };
}
