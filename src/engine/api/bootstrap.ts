/**
 * A fresh kubeadm-style cluster (kind's defaults): the four namespaces, the
 * nodes, `default/kubernetes` at the first service address, CoreDNS's
 * `kube-system/kube-dns` at the tenth and its Deployment.
 */
import type { Cluster } from "../cluster";
import type { ApiServer } from "./apiserver";
import { indexedIP } from "./config";
import { ApiStatusError } from "./contract";
import { corednsConfigMap, corednsDeployment, kubeDnsService } from "./coredns";
import { APISERVER_PORT } from "./kubeEndpoints";
import { defaultNode } from "./nodeDefaults";

/** kind's three nodes: one control plane, two workers. */
export const KIND_NODES: readonly string[] = ["kind-control-plane", "kind-worker", "kind-worker2"];

type NodeInput = Record<string, unknown> & { metadata: { name: string; labels?: Record<string, string> } };

function isNodeInput(o: Record<string, unknown>): o is NodeInput {
  const m = o.metadata as { name?: unknown } | undefined;
  return typeof m?.name === "string";
}

/**
 * Builds a fresh cluster at the clock's current time. `opts.nodes` replaces kind's nodes; a node
 * the API server refuses (a bad name, a second node of the same name) is reported to `onRefused`
 * with its index and left out.
 */
export function bootstrapCluster(
  cluster: Cluster,
  api: ApiServer,
  opts?: { nodes?: Record<string, unknown>[]; onRefused?: (index: number, error: ApiStatusError) => void },
): void {
  for (const name of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    api.create("Namespace", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  }
  const given = (opts?.nodes ?? []).filter(isNodeInput);
  const nodes: NodeInput[] = given.length
    ? given
    : KIND_NODES.map((name, i) => ({
        metadata: {
          name,
          ...(i === 0 ? { labels: { "node-role.kubernetes.io/control-plane": "" } } : {}),
        },
      }));
  nodes.forEach((node, i) => {
    const labels = node.metadata.labels ?? {};
    const controlPlane = given.length
      ? "node-role.kubernetes.io/control-plane" in labels || "node-role.kubernetes.io/master" in labels
      : i === 0;
    try {
      api.create("Node", defaultNode(cluster, node, i, controlPlane));
    } catch (e) {
      if (!(e instanceof ApiStatusError) || !opts?.onRefused) throw e;
      opts.onRefused((opts.nodes ?? []).indexOf(node), e);
    }
  });
  const first = indexedIP(cluster.config.serviceSubnet, 1);
  api.create("Service", {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      ...(first ? { clusterIP: first } : {}),
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: APISERVER_PORT }],
    },
  });
  const tenth = indexedIP(cluster.config.serviceSubnet, 10);
  api.create("Service", kubeDnsService(tenth ?? ""));
  api.create("ConfigMap", corednsConfigMap(cluster.config.dnsDomain));
  api.create("Deployment", corednsDeployment(cluster));
}
